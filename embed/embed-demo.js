// The demo post's log of the events its embeds send (a host page would react to them).
["pyquiz:answered", "pyquiz:completed", "pyquiz:error"].forEach(function (name) {
  document.addEventListener(name, function (e) {
    var line = document.createElement("div");
    line.textContent = name + " " + JSON.stringify(e.detail);
    document.getElementById("events").appendChild(line);
  });
});
