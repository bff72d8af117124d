//! One rule per file, each with its tests inline.
//!
//! | file             | decides                                              |
//! |------------------|------------------------------------------------------|
//! | `kind.rs`        | claim / heading / boilerplate / other                |
//! | `hedges.rs`      | hedge cues and the guards that keep non-hedges out   |
//! | `names.rs`       | person / organisation / place for capitalised runs   |
//! | `attribution.rs` | who backs the sentence, primary first                |
//! | `status.rs`      | the confirmation status, by precedence               |

pub mod attribution;
pub mod hedges;
pub mod kind;
pub mod names;
pub mod status;
