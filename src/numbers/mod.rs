//! Placeholder: the number engine lands here.
