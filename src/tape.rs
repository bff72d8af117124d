//! The tape: how a report crosses the wasm boundary quickly.
//!
//! A serde `Serializer` that writes any `Serialize` value as one flat list of
//! numbers (the tape) plus one string buffer. `src/tape.js` reads it back into
//! plain JS objects, in one pass, on the JS side of the boundary. The objects
//! are JSON-compatible exactly as serde-wasm-bindgen's `json_compatible()`
//! serializer makes them (and as `JSON.parse` of the CLI's output would):
//! structs and maps are plain objects with fields in declaration order,
//! `None` and `()` are `null`, unit enum variants are their name as a string,
//! other variants are `{ "Variant": value }`, numbers are numbers.
//!
//! Why not serde-wasm-bindgen for the report: it makes one JS call per field
//! (about 260,000 for a 1 MB article), and it decodes every string on its own.
//! Measured on 1 MB (DESIGN.md, Speed): 62 ms of a 127 ms `analyze()` was
//! building the objects; with the tape, about 10 ms. `tests/wasm.rs` checks
//! that the objects equal serde-wasm-bindgen's, byte for byte as JSON, on
//! every fixture.
//!
//! Layout (every entry an f64; counts and indexes are whole numbers):
//!
//! | op | then | value |
//! |----|------|-------|
//! | 0  |      | `null` |
//! | 1, 2 |    | `false`, `true` |
//! | 3  | x    | the number x |
//! | 4  | k    | string k |
//! | 5  | n, then n values | an array |
//! | 6  | n, then n × (key string k, value) | an object (a map) |
//! | 7  | shape s, then its values | an object (a struct) |
//!
//! Shape s is the s-th list of `shapes`, written `n, k1 … kn`: the keys, as
//! string indexes, of every struct serialized with that sequence of fields.
//! The JS side makes one template object per shape and copies it, so each
//! object is made at its final size instead of growing key by key.
//!
//! String k is the k-th piece of `strings`, whose lengths in UTF-16 code
//! units are `lens`. A `&'static str` (field names, unit variants) is stored
//! once, found by its address; any other string up to 160 bytes (the fixed
//! reasons, cues such as "said", repeated names) once per distinct content.

use serde::ser::{self, Serialize};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

pub const NULL: f64 = 0.0;
pub const FALSE: f64 = 1.0;
pub const TRUE: f64 = 2.0;
pub const NUM: f64 = 3.0;
pub const STR: f64 = 4.0;
pub const ARR: f64 = 5.0;
pub const OBJ: f64 = 6.0;
pub const SHAPED: f64 = 7.0;

/// A value written as a tape.
#[derive(Debug, Default)]
pub struct Tape {
    pub ops: Vec<f64>,
    /// Every string, one after another.
    pub strings: String,
    /// The length of each string of `strings`, in UTF-16 code units.
    pub lens: Vec<u32>,
    /// The shapes of the structs: `n, k1 … kn` each (see the module doc).
    pub shapes: Vec<u32>,
    /// Shape id of each key sequence already seen.
    shape_ids: FxHashMap<Box<[u32]>, u32>,
    /// The keys of the structs being written, innermost last.
    keys: Vec<u32>,
    /// The addresses and lengths of the `&'static str` keys being written,
    /// beside `keys`.
    key_ptrs: Vec<(usize, usize)>,
    /// The shape each struct type had last: (name's address, shape id), direct
    /// mapped. A struct type almost always keeps its shape, so its fields are
    /// checked against that shape's keys by address, one by one, and nothing
    /// is looked up or hashed while they agree.
    last_shape: Vec<(usize, u32)>,
    /// The addresses and lengths of each shape's keys.
    shape_key_ptrs: Vec<Box<[(usize, usize)]>>,
    /// Where each shape's keys start in `shapes`.
    shape_starts: Vec<u32>,
    /// Short strings already stored: content hash → string index. A report
    /// repeats its reasons, roles and names many times (326 distinct reasons
    /// among 25,000 in 1 MB of news), and JS then holds each one once.
    shorts: FxHashMap<u64, u32>,
    /// The byte offset in `strings` where each string starts.
    offs: Vec<u32>,
    /// `&'static str` seen lately: (address, length, string index), direct
    /// mapped. Field names come by the hundred thousand, and are a few dozen
    /// distinct ones.
    recent: Vec<(usize, usize, u32)>,
}

/// Strings up to this many bytes are stored once per distinct content.
const SHORT: usize = 160;

/// A hash of a short string's bytes.
fn content_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

/// `a == b`, eight bytes at a time. (In wasm, `==` on slices calls a memcmp
/// that compares byte by byte.)
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tails_equal = ca.remainder() == cb.remainder();
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
    tails_equal && ca.zip(cb).all(|(x, y)| word(x) == word(y))
}

/// Why a value could not be written (a map key that is not a string or a number).
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl Tape {
    /// Write `value` as a tape.
    pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Error> {
        Tape::encode_sized(value, 1024)
    }

    /// Write `value` as a tape with room for about `ops` entries from the
    /// start (a report takes about 0.65 per byte of its text), so the tape is
    /// not copied as it grows.
    pub fn encode_sized<T: Serialize + ?Sized>(value: &T, ops: usize) -> Result<Tape, Error> {
        let mut t = Tape {
            ops: Vec::with_capacity(ops),
            recent: vec![(0, usize::MAX, 0); 256],
            last_shape: vec![(0, u32::MAX); 256],
            ..Tape::default()
        };
        value.serialize(&mut t)?;
        Ok(t)
    }

    /// Store a string (once, if it is short); returns its index.
    fn string(&mut self, s: &str) -> u32 {
        if s.len() > SHORT {
            return self.push_string(s);
        }
        let h = content_hash(s);
        if let Some(&i) = self.shorts.get(&h) {
            let at = self.offs[i as usize] as usize;
            if self.strings.as_bytes().get(at..at + s.len()).is_some_and(|b| same_bytes(b, s.as_bytes())) {
                return i;
            }
            // a hash collision: store this one again, unshared
            return self.push_string(s);
        }
        let i = self.push_string(s);
        self.shorts.insert(h, i);
        i
    }

    /// Append a string; returns its index.
    fn push_string(&mut self, s: &str) -> u32 {
        self.offs.push(self.strings.len() as u32);
        self.strings.push_str(s);
        let units = crate::utf16::len_utf16(s);
        self.lens.push(units as u32);
        self.lens.len() as u32 - 1
    }

    /// Store a `&'static str` (a field name, a unit variant); returns its
    /// index. The address is checked first, with no hashing of the text.
    fn static_string(&mut self, s: &'static str) -> u32 {
        let key = (s.as_ptr() as usize, s.len());
        let slot = (key.0 ^ (key.0 >> 7) ^ key.1) & 255;
        if let Some(&(p, n, i)) = self.recent.get(slot) {
            if (p, n) == key {
                return i;
            }
        }
        let i = self.string(s);
        self.recent[slot] = (key.0, key.1, i);
        i
    }

    /// Appends an op and its number. Inlined: in the size-tuned wasm,
    /// `extend_from_slice` stayed a call per op (3% of a 1 MB `analyze()`
    /// in V8's profile).
    #[inline(always)]
    fn pair(&mut self, op: f64, x: f64) {
        self.ops.reserve(2);
        self.ops.push(op);
        self.ops.push(x);
    }

    fn str_op(&mut self, k: u32) {
        self.pair(STR, k as f64);
    }

    fn num(&mut self, x: f64) -> Result<(), Error> {
        self.pair(NUM, x);
        Ok(())
    }

    /// Opens an array or object; returns where its count goes.
    fn open(&mut self, op: f64) -> usize {
        self.pair(op, 0.0);
        self.ops.len() - 1
    }


    /// `{ "variant": … }` for a variant that carries data.
    fn open_variant(&mut self, variant: &'static str) {
        self.ops.extend([OBJ, 1.0]);
        let k = self.static_string(variant);
        self.ops.push(k as f64);
    }
}

/// An array or object being written: where its count is, and the count.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    n: u32,
    /// For a struct: where its keys start in `Tape::keys`.
    keys_from: usize,
    /// For a struct: its type name's address (the `last_shape` key).
    name: usize,
    /// For a struct: the shape its fields have matched so far, key by key
    /// (`NO_SHAPE` once they differ, and keys are then written to `Tape::keys`).
    expect: u32,
}

const NO_SHAPE: u32 = u32::MAX;

impl<'a> Compound<'a> {
    /// An array or a map, whose count goes at `at`.
    fn new(tape: &'a mut Tape, at: usize) -> Compound<'a> {
        Compound { tape, at, n: 0, keys_from: 0, name: 0, expect: NO_SHAPE }
    }

    fn close(self) -> Result<(), Error> {
        self.tape.ops[self.at] = self.n as f64;
        Ok(())
    }

    /// The `last_shape` slot of this struct's type.
    fn slot(&self) -> usize {
        // Fibonacci hashing: the names' addresses lie close together
        ((self.name as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
    }

    /// One field of a struct: its key is checked against the expected shape's
    /// by address; once they differ, keys are written down to be looked up.
    #[inline(always)]
    fn field(&mut self, key: &'static str) {
        let n = self.n as usize;
        self.n += 1;
        let expected = self.tape.shape_key_ptrs.get(self.expect as usize).and_then(|ptrs| ptrs.get(n));
        if expected != Some(&(key.as_ptr() as usize, key.len())) {
            self.other_field(n, key);
        }
    }

    /// A field off the expected shape (or of a struct type not seen before).
    #[cold]
    #[inline(never)]
    fn other_field(&mut self, n: usize, key: &'static str) {
        if self.expect != NO_SHAPE {
            self.diverge(n);
        }
        let k = self.tape.static_string(key);
        self.tape.keys.push(k);
        self.tape.key_ptrs.push((key.as_ptr() as usize, key.len()));
    }

    /// The fields stopped matching the expected shape after `n` keys: write
    /// those `n` keys down.
    fn diverge(&mut self, n: usize) {
        let t = &mut *self.tape;
        let id = self.expect as usize;
        let at = t.shape_starts[id] as usize;
        t.keys.extend_from_slice(&t.shapes[at..at + n]);
        t.key_ptrs.extend_from_slice(&t.shape_key_ptrs[id][..n]);
        self.expect = NO_SHAPE;
    }

    /// Ends a struct: its slot gets the id of its shape.
    fn close_struct(mut self) -> Result<(), Error> {
        if self.expect != NO_SHAPE && self.tape.shape_key_ptrs[self.expect as usize].len() == self.n as usize {
            self.tape.ops[self.at] = self.expect as f64;
            return Ok(());
        }
        if self.expect != NO_SHAPE {
            self.diverge(self.n as usize);
        }
        let slot = self.slot();
        let t = self.tape;
        let keys = &t.keys[self.keys_from..];
        let id = match t.shape_ids.get(keys) {
            Some(&id) => id,
            None => {
                let id = t.shape_ids.len() as u32;
                t.shape_starts.push(t.shapes.len() as u32 + 1);
                t.shapes.push(keys.len() as u32);
                t.shapes.extend_from_slice(keys);
                t.shape_ids.insert(keys.into(), id);
                t.shape_key_ptrs.push(t.key_ptrs[self.keys_from..].into());
                id
            }
        };
        t.last_shape[slot] = (self.name, id);
        t.ops[self.at] = id as f64;
        t.keys.truncate(self.keys_from);
        t.key_ptrs.truncate(self.keys_from);
        Ok(())
    }
}

/// The tape's `serialize_<number>` methods: each writes an f64.
macro_rules! as_numbers {
    ($($name:ident: $t:ty),*) => {$(
        fn $name(self, v: $t) -> Result<(), Error> {
            self.num(v as f64)
        }
    )*};
}

/// A map key's `serialize_<scalar>` methods: each gives the scalar's text.
macro_rules! as_key_text {
    ($($name:ident: $t:ty),*) => {$(
        fn $name(self, v: $t) -> Result<String, Error> {
            Ok(v.to_string())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    // JS has one number type: every Rust number becomes an f64.
    as_numbers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_u8: u8,
        serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_f32: f32, serialize_f64: f64);
    fn serialize_char(self, v: char) -> Result<(), Error> {
        let k = self.string(v.encode_utf8(&mut [0; 4]));
        self.str_op(k);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        let k = self.string(v);
        self.str_op(k);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.ops.extend([ARR, v.len() as f64]);
        for &b in v {
            self.ops.extend([NUM, b as f64]);
        }
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.ops.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        let k = self.static_string(variant);
        self.str_op(k);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        let at = self.open(ARR);
        Ok(Compound::new(self, at))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        let at = self.open(OBJ);
        Ok(Compound::new(self, at))
    }
    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        let at = self.open(SHAPED);
        let keys_from = self.keys.len();
        let name = name.as_ptr() as usize;
        let mut c = Compound { tape: self, at, n: 0, keys_from, name, expect: NO_SHAPE };
        let (seen, id) = c.tape.last_shape[c.slot()];
        if seen == name {
            c.expect = id;
        }
        Ok(c)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.serialize_struct(name, len)
    }
}

macro_rules! seq_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.n += 1;
                value.serialize(&mut *self.tape)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}
seq_like!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field, SerializeTupleVariant::serialize_field);

macro_rules! struct_like {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.field(key);
                value.serialize(&mut *self.tape)
            }
            fn end(self) -> Result<(), Error> {
                self.close_struct()
            }
        }
    )*};
}
struct_like!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.n += 1;
        let k = key.serialize(KeySerializer)?;
        let k = self.tape.string(&k);
        self.tape.ops.push(k as f64);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A map key as the JSON key it would be: a string as itself, a number or a
/// bool as its decimal text, a unit variant as its name.
struct KeySerializer;

fn key_error() -> Error {
    Error("a map key must be a string or a number".into())
}

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    // As JSON writes them: the key's decimal or plain text.
    as_key_text!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_str: &str);
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

/// Reads a tape back, as `src/tape.js` does, into a `serde_json::Value`: the
/// tests' mirror of the JS reader.
#[cfg(test)]
pub fn decode(t: &Tape) -> serde_json::Value {
    use serde_json::Value;
    let mut strs = Vec::with_capacity(t.lens.len());
    let units: Vec<u16> = t.strings.encode_utf16().collect();
    let mut off = 0usize;
    for &n in &t.lens {
        strs.push(String::from_utf16(&units[off..off + n as usize]).expect("whole characters"));
        off += n as usize;
    }
    assert_eq!(off, units.len(), "the lengths cover the string buffer exactly");
    fn value(ops: &[f64], i: &mut usize, strs: &[String], shapes: &[u32]) -> Value {
        let op = ops[*i];
        *i += 1;
        let mut next = || {
            *i += 1;
            ops[*i - 1]
        };
        match op as u32 {
            0 => Value::Null,
            1 => Value::Bool(false),
            2 => Value::Bool(true),
            3 => serde_json::json!(next()),
            4 => Value::String(strs[next() as usize].clone()),
            5 => {
                let n = next() as usize;
                Value::Array((0..n).map(|_| value(ops, i, strs, shapes)).collect())
            }
            6 => {
                let n = next() as usize;
                let mut o = serde_json::Map::new();
                for _ in 0..n {
                    let k = strs[ops[*i] as usize].clone();
                    *i += 1;
                    o.insert(k, value(ops, i, strs, shapes));
                }
                Value::Object(o)
            }
            7 => {
                let s = next() as usize;
                let mut at = 0;
                let mut shape = None;
                for _ in 0..=s {
                    let n = shapes[at] as usize;
                    shape = Some(&shapes[at + 1..at + 1 + n]);
                    at += 1 + n;
                }
                let mut o = serde_json::Map::new();
                for &k in shape.expect("a shape") {
                    o.insert(strs[k as usize].clone(), value(ops, i, strs, shapes));
                }
                Value::Object(o)
            }
            x => panic!("unknown op {x}"),
        }
    }
    let mut i = 0;
    let v = value(&t.ops, &mut i, &strs, &t.shapes);
    assert_eq!(i, t.ops.len(), "one value fills the tape");
    v
}

#[cfg(test)]
mod tests {
    use super::{decode, Tape};
    use serde::Serialize;
    use serde_json::{json, Value};
    use std::collections::BTreeMap;

    /// JSON numbers as f64, as JavaScript has them.
    fn js_numbers(v: Value) -> Value {
        match v {
            Value::Number(n) => json!(n.as_f64().unwrap()),
            Value::Array(a) => Value::Array(a.into_iter().map(js_numbers).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, js_numbers(v))).collect()),
            v => v,
        }
    }

    /// The key lists of the tape's shapes (`n, k1 … kn` each in `shapes`).
    fn shape_lists(t: &Tape) -> Vec<&[u32]> {
        let mut out = Vec::new();
        let mut j = 0;
        while let Some(&n) = t.shapes.get(j) {
            out.push(&t.shapes[j + 1..j + 1 + n as usize]);
            j += 1 + n as usize;
        }
        out
    }

    fn round_trip<T: Serialize>(v: &T) {
        let want = js_numbers(serde_json::to_value(v).unwrap());
        let got = js_numbers(decode(&Tape::encode(v).unwrap()));
        assert_eq!(got, want);
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, String),
        Struct { a: Option<bool> },
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct S {
        field_one: Vec<E>,
        text: String,
        none: Option<u8>,
        unit: (),
        ch: char,
        neg: i64,
        half: f64,
    }

    #[test]
    fn every_shape_reads_back_as_json_has_it() {
        round_trip(&S {
            field_one: vec![E::Unit, E::New(3), E::Tuple(1, "x".into()), E::Struct { a: None }, E::Unit],
            text: "Ülkü 😀 said\r\n“yes”".into(),
            none: None,
            unit: (),
            ch: '😀',
            neg: -7,
            half: 0.5,
        });
        let mut m = BTreeMap::new();
        m.insert(2u32, vec![true, false]);
        m.insert(10u32, vec![]);
        round_trip(&m);
        round_trip(&BTreeMap::from([("a", 1), ("__proto__", 2)]));
        round_trip(&"");
        round_trip(&Vec::<u8>::new());
    }

    #[test]
    fn static_strings_are_stored_once() {
        let t = Tape::encode(&vec![E::Unit, E::Unit, E::Unit]).unwrap();
        assert_eq!(t.lens, [4]);
        assert_eq!(t.strings, "Unit");
    }

    #[test]
    fn structs_with_the_same_fields_share_one_shape() {
        let t = Tape::encode(&vec![E::Struct { a: None }, E::Struct { a: Some(true) }, E::Unit]).unwrap();
        // one shape: one key ("a")
        assert_eq!(t.shapes.len(), 2, "{:?}", t.shapes);
        assert_eq!(decode(&t), serde_json::json!([{"Struct": {"a": null}}, {"Struct": {"a": true}}, "Unit"]));
    }

    /// A struct type whose fields vary (skipped when empty) gets one shape per
    /// key list, however its instances alternate, nested or not.
    #[test]
    fn a_struct_type_with_varying_fields_gets_a_shape_per_key_list() {
        #[derive(Serialize)]
        struct V {
            #[serde(skip_serializing_if = "Option::is_none")]
            a: Option<u8>,
            b: u8,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            inner: Vec<V>,
            #[serde(skip_serializing_if = "Option::is_none")]
            c: Option<u8>,
        }
        let v = |a, c, inner| V { a, b: 1, inner, c };
        let vs = vec![
            v(Some(1), Some(2), vec![]),
            v(Some(1), None, vec![]),
            v(None, Some(2), vec![v(Some(1), Some(2), vec![]), v(None, None, vec![])]),
            v(Some(1), Some(2), vec![v(Some(1), None, vec![])]),
            v(Some(1), Some(2), vec![]),
            v(None, None, vec![]),
        ];
        round_trip(&vs);
        let t = Tape::encode(&vs).unwrap();
        // a,b,c · a,b · b,inner,c · b · a,b,inner,c
        assert_eq!(shape_lists(&t).len(), 5, "{:?}", t.shapes);
    }

    #[test]
    fn short_strings_are_stored_once_and_long_ones_each_time() {
        let long = "x".repeat(super::SHORT + 1);
        let t = Tape::encode(&vec!["a reason", "a reason", "another", "a reason", &long, &long]).unwrap();
        assert_eq!(t.lens, [8, 7, long.len() as u32, long.len() as u32]);
        assert_eq!(decode(&t), serde_json::json!(["a reason", "a reason", "another", "a reason", long, long]));
    }

    #[test]
    fn reports_read_back_as_the_cli_prints_them() {
        for text in [
            "",
            "Officials said the bridge “may have” failed, according to Ana Ruiz.\r\n\r\nIt was confirmed.",
            "مسؤولون قالوا 😀 The mayor reportedly resigned.",
        ] {
            round_trip(&crate::analyze(text, &crate::Options::default()));
        }
        let docs = [
            crate::Document { name: "A".into(), text: "Officials said 40 people died.".into() },
            crate::Document { name: "B".into(), text: "Police said 45 people died.".into() },
        ];
        round_trip(&crate::compare(&docs, &crate::Options::default()).unwrap());
    }

    /// tape.js makes the report's many-per-report struct types with object
    /// literals, picked by key list (see its header). A struct whose fields
    /// change still reads back right, through the generic path, but slower:
    /// this names the one that lost its builder.
    #[test]
    fn every_repeated_report_struct_has_a_literal_builder_in_tape_js() {
        let js = include_str!("tape.js");
        let text = include_str!("../tests/fixtures/01_water_lead.txt");
        let t = Tape::encode(&crate::analyze(text, &crate::Options::default())).unwrap();
        let ends = t.offs.iter().skip(1).map(|&e| e as usize).chain([t.strings.len()]);
        let strs: Vec<&str> = t.offs.iter().zip(ends).map(|(&at, end)| &t.strings[at as usize..end]).collect();
        // made once per report: the generic path is fine for them
        let once = ["schemaVersion", "chars", "score,claims", "denied", "namedPerson", "low,high", "label,cues"];
        let shapes = shape_lists(&t);
        for keys in &shapes {
            let sig = keys.iter().map(|&k| strs[k as usize]).collect::<Vec<_>>().join(",");
            if once.iter().any(|o| sig.starts_with(o)) {
                continue;
            }
            assert!(js.contains(&format!("'{sig}': ")), "tape.js has no literal builder for the struct {{{sig}}}");
        }
        assert!(shapes.len() >= 10, "the fixture's report should use every struct type, got {} shapes", shapes.len());
    }
}
