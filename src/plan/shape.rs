//! Reading the plan's YAML into the serde structs of [`super::raw`] so that every failure is
//! known by what it is (an unknown key, a missing key, a value of the wrong kind ...), where it
//! is (the key path and the line), and never by serde's or libyaml's words.
//!
//! Two passes over the same text:
//!
//! 1. [`tree`] reads the YAML into a [`Node`] tree, which finds what YAML itself refuses: a
//!    syntax error, a key written twice in one mapping (at the line of the second), a tagged
//!    value (`!x`).
//! 2. [`raw_plan`] deserializes the raw structs through [`Wrap`], a deserializer that forwards to
//!    serde_yaml while it keeps the key path, and catches each failure as a [`Shape`] before
//!    serde_yaml turns it into text. serde_yaml still supplies the line and column: an error
//!    leaving a visitor gets the position of the value being read.

use std::cell::RefCell;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

/// One step of a key path: a key of a mapping or a position in a list (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A key path as a user reads it: `targets[3].rule`; empty for the whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyPath(pub Vec<Seg>);

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(key) if i == 0 => write!(f, "{}", crate::error::shorten(key))?,
                Seg::Key(key) => write!(f, ".{}", crate::error::shorten(key))?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl KeyPath {
    /// The last key of the path, if the path ends in a key.
    pub fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(Seg::Key(key)) => Some(key),
            _ => None,
        }
    }
}

/// What a value in the file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Nothing,
    List,
    Mapping,
    Other,
}

impl Found {
    fn from_unexpected(unexp: &Unexpected<'_>) -> Found {
        match *unexp {
            Unexpected::Bool(b) => Found::Bool(b),
            Unexpected::Unsigned(n) => Found::Number(n.to_string()),
            Unexpected::Signed(n) => Found::Number(n.to_string()),
            Unexpected::Float(n) => Found::Number(n.to_string()),
            Unexpected::Char(c) => Found::Text(c.to_string()),
            Unexpected::Str(s) => Found::Text(s.to_string()),
            Unexpected::Unit | Unexpected::Option => Found::Nothing,
            Unexpected::Seq => Found::List,
            Unexpected::Map => Found::Mapping,
            _ => Found::Other,
        }
    }
}

/// What a value was expected to be: told by the deserialize call that read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// A scalar read as plain text.
    Text,
    /// A decimal number (read by this crate's visitor).
    Decimal,
    /// A year (read by this crate's visitor).
    Year,
    /// Yes or no: `true` or `false`.
    Bool,
    List,
    /// A mapping read as one of the raw structs.
    Struct(Thing),
    /// One of these names.
    OneOf(&'static [&'static str]),
    /// Anything else (never reached by the raw structs).
    Other,
}

impl Expect {
    /// Whether a value found in the tree is of the kind expected (so a failure reading it was
    /// about something else).
    fn fits(&self, node: &Node) -> bool {
        matches!(
            (self, node),
            (
                Expect::Text | Expect::Decimal | Expect::Year | Expect::OneOf(_),
                Node::Scalar(_)
            ) | (Expect::List, Node::List(_))
                | (Expect::Struct(_), Node::Map(_))
                | (Expect::Other, _)
        )
    }
}

/// What a mapping of the plan is: the plan itself, a target, a baseline, or another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Plan,
    Target,
    Baseline,
    Mapping,
}

impl Thing {
    /// The thing the raw struct named `name` is.
    fn of(name: &str) -> Thing {
        match name {
            "RawPlan" => Thing::Plan,
            "RawTarget" => Thing::Target,
            "RawBaseline" => Thing::Baseline,
            _ => Thing::Mapping,
        }
    }

    /// The keys it needs.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Thing::Plan => super::raw::PLAN_NEEDS,
            Thing::Target => super::raw::TARGET_REQUIRED,
            Thing::Baseline => super::raw::BASELINE_REQUIRED,
            Thing::Mapping => &[],
        }
    }
}

/// A scalar this crate's visitors refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Not a number: the text, and why ([`crate::number::parse_decimal`]'s reason).
    Number {
        text: String,
        why: crate::number::NumberProblem,
    },
    /// Not a year: the text.
    Year { text: String },
    /// Refused by serde's own code, in its words.
    Other(String),
}

thread_local! {
    /// What a visitor of this crate refused, on its way to [`Fail`]: serde hands an error
    /// from a visitor to the deserializer as text only.
    static REFUSED: RefCell<Option<Invalid>> = const { RefCell::new(None) };
}

/// Keeps `invalid` for the error a visitor raises next.
pub(super) fn refuse(invalid: Invalid) {
    REFUSED.with(|r| *r.borrow_mut() = Some(invalid));
}

fn take_refused() -> Option<Invalid> {
    REFUSED.with(|r| r.borrow_mut().take())
}

/// Why the file's shape is not a plan's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A key no struct at this place has; `known` are the keys it has.
    UnknownKey {
        key: String,
        known: &'static [&'static str],
    },
    /// A name that is none of the allowed ones (a rule, an accrual ...).
    UnknownName {
        name: String,
        allowed: &'static [&'static str],
    },
    /// A value of the wrong kind.
    WrongKind {
        found: Found,
        expected: Option<Expect>,
    },
    /// A required key is absent from `within`.
    Missing {
        key: &'static str,
        within: Option<Thing>,
    },
    /// A key written a second time in one mapping.
    Duplicate { key: String },
    /// A value starting with `!`, read by YAML as a tag.
    Tagged,
    /// A key that is a list or a mapping.
    KeyNotText,
    /// A scalar refused (an invalid number or year).
    Invalid(Invalid),
}

impl Shape {
    /// Fills in what the failing read expected, where the failure itself did not say.
    fn complete(mut self, expect: &Expect) -> Shape {
        match &mut self {
            Shape::WrongKind { expected, .. } if expected.is_none() => {
                *expected = Some(expect.clone());
            }
            Shape::Missing { within, .. } if within.is_none() => {
                if let Expect::Struct(thing) = expect {
                    *within = Some(*thing);
                }
            }
            _ => {}
        }
        self
    }
}

/// The first failure met: where in the key paths, and what.
pub type Failure = (KeyPath, Shape);

/// The text an error carries through serde_yaml while the [`Failure`] waits in the state.
const MARK: &str = "plan: a failure kept aside";

/// A value of the YAML document: enough to say what a value is where a read failed.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Scalar(Found),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
}

impl Node {
    fn at(&self, path: &[Seg]) -> Option<&Node> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self);
        };
        let next = match (self, first) {
            (Node::Map(entries), Seg::Key(key)) => {
                entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            (Node::List(items), Seg::Index(i)) => items.get(*i),
            _ => None,
        }?;
        next.at(rest)
    }

    pub fn found(&self) -> Found {
        match self {
            Node::Scalar(found) => found.clone(),
            Node::List(_) => Found::List,
            Node::Map(_) => Found::Mapping,
        }
    }
}

/// The shared state of one read: the key path now, the key just read, the first failure.
struct State<'t> {
    path: RefCell<Vec<Seg>>,
    key: RefCell<Option<String>>,
    failure: RefCell<Option<Failure>>,
    /// The tree of pass one, to say what a value is when serde_yaml refused it by its kind.
    tree: Option<&'t Node>,
}

impl<'t> State<'t> {
    fn new(tree: Option<&'t Node>) -> Self {
        State {
            path: RefCell::new(Vec::new()),
            key: RefCell::new(None),
            failure: RefCell::new(None),
            tree,
        }
    }

    /// Keeps `shape` as the failure, at the current path, unless one is kept already.
    fn keep(&self, shape: Shape) {
        let mut failure = self.failure.borrow_mut();
        if failure.is_none() {
            *failure = Some((KeyPath(self.path.borrow().clone()), shape));
        }
    }

    /// The error to hand back to serde_yaml for `fail`: the inner error as it was, or the
    /// shape kept aside and a placeholder that serde_yaml gives a position.
    fn hand_back<E: de::Error>(&self, fail: Fail<E>, expect: &Expect) -> E {
        match fail {
            Fail::Inner(err) => err,
            Fail::Shape(shape) => {
                self.keep(shape.complete(expect));
                E::custom(MARK)
            }
        }
    }

    /// After serde_yaml refused the value at the current path: when the tree shows a value of
    /// another kind than `expect`, that is the failure.
    fn note_refusal(&self, expect: &Expect) {
        if self.failure.borrow().is_some() {
            return;
        }
        let found = {
            let path = self.path.borrow();
            match self.tree.and_then(|tree| tree.at(&path)) {
                Some(node) if !expect.fits(node) => node.found(),
                _ => return,
            }
        };
        self.keep(Shape::WrongKind {
            found,
            expected: Some(expect.clone()),
        });
    }

    fn depth(&self) -> usize {
        self.path.borrow().len()
    }

    fn restore(&self, depth: usize) {
        self.path.borrow_mut().truncate(depth);
    }
}

/// The error of the wrapped deserializer: serde_yaml's, passed through, or a shape failure
/// raised by a visitor (serde's derived code or this crate's), on its way to [`State::keep`].
#[derive(Debug)]
enum Fail<E> {
    Inner(E),
    Shape(Shape),
}

impl<E: fmt::Display> fmt::Display for Fail<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fail::Inner(err) => err.fmt(f),
            Fail::Shape(shape) => write!(f, "{shape:?}"),
        }
    }
}

impl<E: de::Error> std::error::Error for Fail<E> {}

impl<E: de::Error> de::Error for Fail<E> {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let invalid = take_refused().unwrap_or_else(|| Invalid::Other(msg.to_string()));
        Fail::Shape(Shape::Invalid(invalid))
    }

    fn invalid_type(unexp: Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Fail::Shape(Shape::WrongKind {
            found: Found::from_unexpected(&unexp),
            expected: None,
        })
    }

    fn invalid_value(unexp: Unexpected<'_>, _: &dyn de::Expected) -> Self {
        de::Error::invalid_type(unexp, &"")
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Fail::Shape(Shape::UnknownName {
            name: variant.to_string(),
            allowed: expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Fail::Shape(Shape::UnknownKey {
            key: field.to_string(),
            known: expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Fail::Shape(Shape::Missing {
            key: field,
            within: None,
        })
    }

    fn duplicate_field(field: &'static str) -> Self {
        Fail::Shape(Shape::Duplicate {
            key: field.to_string(),
        })
    }
}

/// A deserializer that forwards to `inner` and keeps the path and the first failure in `state`.
struct Wrap<'s, 't, D> {
    inner: D,
    state: &'s State<'t>,
    /// Whether this reads a mapping's key (kept in the state for the path).
    is_key: bool,
}

/// `visitor`'s own words for what it expects.
fn expecting<'de, V: Visitor<'de>>(visitor: &V) -> String {
    struct Words<'a, V>(&'a V);
    impl<'de, V: Visitor<'de>> fmt::Display for Words<'_, V> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.expecting(f)
        }
    }
    Words(visitor).to_string()
}

impl<'s, 't, D> Wrap<'s, 't, D> {
    fn visitor<V>(&self, inner: V, expect: Expect) -> WrapVisitor<'s, 't, V> {
        WrapVisitor {
            inner,
            state: self.state,
            expect,
            is_key: self.is_key,
        }
    }
}

macro_rules! forward {
    ($($method:ident => $expect:expr),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                #[allow(clippy::redundant_closure_call)]
                let expect: Expect = ($expect)(&visitor);
                let (state, depth) = (self.state, self.state.depth());
                let visitor = self.visitor(visitor, expect.clone());
                self.inner.$method(visitor).map_err(|err| {
                    state.restore(depth);
                    state.note_refusal(&expect);
                    Fail::Inner(err)
                })
            }
        )*
    };
}

/// Plain text, or a number or a year when the visitor is this crate's (known by what it says it
/// expects).
fn text_expect<'de, V: Visitor<'de>>(visitor: &V) -> Expect {
    let words = expecting(visitor);
    match words.as_str() {
        super::raw::DECIMAL_EXPECTED => Expect::Decimal,
        super::raw::YEAR_EXPECTED => Expect::Year,
        _ => Expect::Text,
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Wrap<'_, '_, D> {
    type Error = Fail<D::Error>;

    forward! {
        deserialize_any => |_: &V| Expect::Other,
        deserialize_bool => |_: &V| Expect::Bool,
        deserialize_i8 => |_: &V| Expect::Other,
        deserialize_i16 => |_: &V| Expect::Other,
        deserialize_i32 => |_: &V| Expect::Other,
        deserialize_i64 => |_: &V| Expect::Other,
        deserialize_u8 => |_: &V| Expect::Other,
        deserialize_u16 => |_: &V| Expect::Other,
        deserialize_u32 => |_: &V| Expect::Other,
        deserialize_u64 => |_: &V| Expect::Other,
        deserialize_f32 => |_: &V| Expect::Other,
        deserialize_f64 => |_: &V| Expect::Other,
        deserialize_char => |v: &V| text_expect(v),
        deserialize_str => |v: &V| text_expect(v),
        deserialize_string => |v: &V| text_expect(v),
        deserialize_bytes => |_: &V| Expect::Other,
        deserialize_byte_buf => |_: &V| Expect::Other,
        deserialize_option => |_: &V| Expect::Other,
        deserialize_unit => |_: &V| Expect::Other,
        deserialize_seq => |_: &V| Expect::List,
        deserialize_map => |_: &V| Expect::Other,
        deserialize_identifier => |_: &V| Expect::Text,
        deserialize_ignored_any => |_: &V| Expect::Other,
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let visitor = self.visitor(visitor, Expect::Other);
        self.inner
            .deserialize_unit_struct(name, visitor)
            .map_err(Fail::Inner)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let visitor = self.visitor(visitor, Expect::Other);
        self.inner
            .deserialize_newtype_struct(name, visitor)
            .map_err(Fail::Inner)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let visitor = self.visitor(visitor, Expect::List);
        self.inner
            .deserialize_tuple(len, visitor)
            .map_err(Fail::Inner)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let visitor = self.visitor(visitor, Expect::List);
        self.inner
            .deserialize_tuple_struct(name, len, visitor)
            .map_err(Fail::Inner)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let expect = Expect::Struct(Thing::of(name));
        let (state, depth) = (self.state, self.state.depth());
        let visitor = self.visitor(visitor, expect.clone());
        self.inner
            .deserialize_struct(name, fields, visitor)
            .map_err(|err| {
                state.restore(depth);
                state.note_refusal(&expect);
                Fail::Inner(err)
            })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let expect = Expect::OneOf(variants);
        let (state, depth) = (self.state, self.state.depth());
        let visitor = self.visitor(visitor, expect.clone());
        self.inner
            .deserialize_enum(name, variants, visitor)
            .map_err(|err| {
                state.restore(depth);
                state.note_refusal(&expect);
                Fail::Inner(err)
            })
    }
}

/// A visitor that hands its inner visitor wrapped accesses, and hands serde_yaml back errors it
/// can give a position.
struct WrapVisitor<'s, 't, V> {
    inner: V,
    state: &'s State<'t>,
    expect: Expect,
    is_key: bool,
}

macro_rules! forward_scalar {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.inner.$method(v).map_err(|fail| self.state.hand_back(fail, &self.expect))
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for WrapVisitor<'_, '_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_scalar! {
        visit_bool(bool),
        visit_i64(i64),
        visit_i128(i128),
        visit_u64(u64),
        visit_u128(u128),
        visit_f64(f64),
        visit_char(char),
        visit_bytes(&[u8]),
        visit_byte_buf(Vec<u8>),
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        if self.is_key {
            *self.state.key.borrow_mut() = Some(v.to_string());
        }
        self.inner
            .visit_str(v)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        if self.is_key {
            *self.state.key.borrow_mut() = Some(v.to_string());
        }
        self.inner
            .visit_borrowed_str(v)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        if self.is_key {
            *self.state.key.borrow_mut() = Some(v.clone());
        }
        self.inner
            .visit_string(v)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner
            .visit_none()
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner
            .visit_unit()
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let wrapped = Wrap {
            inner: d,
            state: self.state,
            is_key: self.is_key,
        };
        self.inner
            .visit_some(wrapped)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let wrapped = Wrap {
            inner: d,
            state: self.state,
            is_key: self.is_key,
        };
        self.inner
            .visit_newtype_struct(wrapped)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let wrapped = WrapSeq {
            inner: seq,
            state: self.state,
            index: 0,
        };
        self.inner
            .visit_seq(wrapped)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let wrapped = WrapMap {
            inner: map,
            state: self.state,
        };
        self.inner
            .visit_map(wrapped)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let wrapped = WrapEnum {
            inner: data,
            state: self.state,
        };
        self.inner
            .visit_enum(wrapped)
            .map_err(|fail| self.state.hand_back(fail, &self.expect))
    }
}

/// A seed whose deserializer is wrapped.
struct WrapSeed<'s, 't, S> {
    inner: S,
    state: &'s State<'t>,
    is_key: bool,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WrapSeed<'_, '_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let wrapped = Wrap {
            inner: d,
            state: self.state,
            is_key: self.is_key,
        };
        self.inner
            .deserialize(wrapped)
            .map_err(|fail| self.state.hand_back(fail, &Expect::Other))
    }
}

struct WrapSeq<'s, 't, A> {
    inner: A,
    state: &'s State<'t>,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for WrapSeq<'_, '_, A> {
    type Error = Fail<A::Error>;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        let depth = self.state.depth();
        self.state.path.borrow_mut().push(Seg::Index(self.index));
        let seed = WrapSeed {
            inner: seed,
            state: self.state,
            is_key: false,
        };
        let result = self.inner.next_element_seed(seed).map_err(Fail::Inner);
        self.state.restore(depth);
        self.index += 1;
        result
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

struct WrapMap<'s, 't, A> {
    inner: A,
    state: &'s State<'t>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WrapMap<'_, '_, A> {
    type Error = Fail<A::Error>;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        *self.state.key.borrow_mut() = None;
        let seed = WrapSeed {
            inner: seed,
            state: self.state,
            is_key: true,
        };
        self.inner.next_key_seed(seed).map_err(Fail::Inner)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        let depth = self.state.depth();
        let key = self.state.key.borrow_mut().take().unwrap_or_default();
        self.state.path.borrow_mut().push(Seg::Key(key));
        let seed = WrapSeed {
            inner: seed,
            state: self.state,
            is_key: false,
        };
        let result = self.inner.next_value_seed(seed).map_err(Fail::Inner);
        self.state.restore(depth);
        result
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

struct WrapEnum<'s, 't, A> {
    inner: A,
    state: &'s State<'t>,
}

impl<'de, 's, 't, A: EnumAccess<'de>> EnumAccess<'de> for WrapEnum<'s, 't, A> {
    type Error = Fail<A::Error>;
    type Variant = WrapVariant<'s, 't, A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), Self::Error> {
        let state = self.state;
        let seed = WrapSeed {
            inner: seed,
            state,
            is_key: false,
        };
        self.inner
            .variant_seed(seed)
            .map(|(value, variant)| {
                (
                    value,
                    WrapVariant {
                        inner: variant,
                        state,
                    },
                )
            })
            .map_err(Fail::Inner)
    }
}

struct WrapVariant<'s, 't, A> {
    inner: A,
    state: &'s State<'t>,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for WrapVariant<'_, '_, A> {
    type Error = Fail<A::Error>;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.inner.unit_variant().map_err(Fail::Inner)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        let seed = WrapSeed {
            inner: seed,
            state: self.state,
            is_key: false,
        };
        self.inner.newtype_variant_seed(seed).map_err(Fail::Inner)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let visitor = WrapVisitor {
            inner: visitor,
            state: self.state,
            expect: Expect::Other,
            is_key: false,
        };
        self.inner.tuple_variant(len, visitor).map_err(Fail::Inner)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let visitor = WrapVisitor {
            inner: visitor,
            state: self.state,
            expect: Expect::Other,
            is_key: false,
        };
        self.inner
            .struct_variant(fields, visitor)
            .map_err(Fail::Inner)
    }
}

/// Why a read failed: the failure kept aside (with the error serde_yaml positioned), or
/// serde_yaml's own error alone (a syntax error, or something this module does not know).
pub(super) struct ReadError {
    pub failure: Option<Failure>,
    pub yaml: Option<serde_yaml::Error>,
}

/// Deserializes `T` from `text` through [`Wrap`].
pub(super) fn deserialize<T: de::DeserializeOwned>(
    text: &str,
    tree: &Node,
) -> Result<T, ReadError> {
    take_refused();
    let state = State::new(Some(tree));
    let result = T::deserialize(Wrap {
        inner: serde_yaml::Deserializer::from_str(text),
        state: &state,
        is_key: false,
    });
    result.map_err(|fail| {
        let failure = state.failure.into_inner();
        match fail {
            Fail::Inner(err) => ReadError {
                failure,
                yaml: Some(err),
            },
            Fail::Shape(shape) => ReadError {
                failure: failure.or(Some((KeyPath::default(), shape))),
                yaml: None,
            },
        }
    })
}

/// Pass one: the document as a [`Node`] tree, refusing a key written twice in one mapping and
/// a tagged value.
pub(super) fn tree(text: &str) -> Result<Node, ReadError> {
    let state = State::new(None);
    let result = NodeSeed { state: &state }.deserialize(serde_yaml::Deserializer::from_str(text));
    result.map_err(|err| ReadError {
        failure: state.failure.into_inner(),
        yaml: Some(err),
    })
}

struct NodeSeed<'s, 't> {
    state: &'s State<'t>,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, '_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_, '_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Number(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Number(v.to_string())))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Number(v.to_string())))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Number(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Number(v.to_string())))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Text(v.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Nothing))
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Found::Nothing))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        loop {
            let depth = self.state.depth();
            self.state.path.borrow_mut().push(Seg::Index(items.len()));
            let item = seq.next_element_seed(NodeSeed { state: self.state })?;
            self.state.restore(depth);
            match item {
                Some(item) => items.push(item),
                None => return Ok(Node::List(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries: Vec<(String, Node)> = Vec::new();
        loop {
            let key = map.next_key_seed(KeySeed {
                state: self.state,
                seen: &entries,
            })?;
            let Some(key) = key else {
                return Ok(Node::Map(entries));
            };
            let depth = self.state.depth();
            self.state.path.borrow_mut().push(Seg::Key(key.clone()));
            let value = map.next_value_seed(NodeSeed { state: self.state })?;
            self.state.restore(depth);
            entries.push((key, value));
        }
    }

    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<Node, A::Error> {
        self.state.keep(Shape::Tagged);
        Err(de::Error::custom(MARK))
    }
}

/// A mapping's key, as text, refused when the mapping has it already.
struct KeySeed<'s, 't, 'e> {
    state: &'s State<'t>,
    seen: &'e [(String, Node)],
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_, '_, '_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        let state = self.state;
        d.deserialize_str(self).inspect_err(|_| {
            // A failure of its own is kept already; else serde_yaml refused a key that is not
            // a scalar.
            state.keep(Shape::KeyNotText);
        })
    }
}

impl<'de> Visitor<'de> for KeySeed<'_, '_, '_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        if self.seen.iter().any(|(key, _)| key == v) {
            self.state.keep(Shape::Duplicate { key: v.to_string() });
            return Err(E::custom(MARK));
        }
        Ok(v.to_string())
    }
}
