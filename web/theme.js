// The learner's chosen colour scheme, set before the pre-rendered Home first paints (a classic
// script in <head>: it runs before the body is drawn). The app keeps it in step afterwards.
try {
  const theme = JSON.parse(localStorage.getItem('pyquiz.settings') ?? 'null')?.theme;
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // unreadable settings or no storage: the system's scheme, as the app would choose
}
