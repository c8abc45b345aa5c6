//! The names of the places that are not files a user named, in English and in Chinese.

use super::super::Lang;
use crate::error::{Location, Place};

impl Lang {
    /// The name of `place` in this language.
    pub fn place_name(self, place: Place) -> String {
        match self {
            Lang::En => en(place),
            Lang::Zh => zh(place),
        }
    }

    /// `at` as written in this language: a file's name as given, a special place in words.
    pub fn place(self, at: &Location) -> String {
        match at.place {
            Some(place) if self == Lang::Zh => at.written_as(&zh(place)),
            _ => at.to_string(),
        }
    }
}

fn en(place: Place) -> String {
    match place {
        Place::Stdin => "<stdin>".into(),
        Place::Stdout => "<stdout>".into(),
        Place::StandardOutput => "standard output".into(),
        Place::Template => "<template>".into(),
        Place::EmbeddedPlan => crate::plan::EMBEDDED_PLAN_NAME.into(),
        Place::Command(name) | Place::Option(name) => name.into(),
    }
}

fn zh(place: Place) -> String {
    match place {
        Place::Stdin => "<标准输入>".into(),
        Place::Stdout => "<标准输出>".into(),
        Place::StandardOutput => "标准输出".into(),
        Place::Template => "<模板>".into(),
        Place::EmbeddedPlan => "内置 plan.yaml".into(),
        // Commands and options are typed as they are.
        Place::Command(name) | Place::Option(name) => name.into(),
    }
}
