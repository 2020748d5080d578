//! The app's small building blocks. Each draws its props and reports through callbacks.

mod copy_link;
mod embed_dialog;
mod header;
mod link_error;
mod notices;
mod toast;

pub use copy_link::CopyLink;
pub use embed_dialog::EmbedDialog;
pub use header::Header;
pub use link_error::LinkErrorCard;
pub use notices::Notices;
pub use toast::ToastView;
