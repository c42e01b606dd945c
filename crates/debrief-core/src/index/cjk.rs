//! The full-text index's tokenizer for Chinese, Japanese and Korean: each of their characters
//! is a token of its own. Those languages write words without spaces between them, and
//! SQLite's unicode61 keeps a whole run of such characters as one token, so "障害" in
//! "決済サービスの障害" or "接続" in "データベース接続プール" could never be found. Read a
//! character at a time, a search for several of them is a phrase of those characters, found
//! wherever they stand together, and its passage is cut and marked as for any other word.
//!
//! Everything else is the tokenizer it wraps (unicode61, named after it in the table's
//! `tokenize` option, as FTS5 chains its tokenizers): Latin, Cyrillic and the rest come
//! through as they were, and `porter` stems them above it.

use std::ffi::{c_char, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};

use rusqlite::{Connection, ffi};

use super::fts5::{fts5_api, missing};

/// The name the table's `tokenize` option gives this tokenizer.
const NAME: &std::ffi::CStr = c"debrief_cjk";

/// The function FTS5 calls with each token.
type TokenCallback = unsafe extern "C" fn(*mut c_void, c_int, *const c_char, c_int, c_int, c_int) -> c_int;

/// One instance: the wrapped tokenizer's functions and its own instance.
struct Wrapper {
    parent: ffi::fts5_tokenizer,
    instance: *mut ffi::Fts5Tokenizer,
}

/// What the wrapped tokenizer's tokens are passed through on their way to FTS5.
struct Pass<'a> {
    context: *mut c_void,
    token: TokenCallback,
    text: &'a [u8],
}

/// Registers the tokenizer with FTS5 on `conn`: before any table that names it is opened.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let api = fts5_api(conn)?;
    // SAFETY: `api` is FTS5's own table, valid while `conn` is open.
    let create = unsafe { (*api).xCreateTokenizer }.ok_or_else(|| missing("xCreateTokenizer"))?;
    let mut tokenizer = ffi::fts5_tokenizer {
        xCreate: Some(create_instance),
        xDelete: Some(delete_instance),
        xTokenize: Some(tokenize),
    };
    // SAFETY: as above; FTS5 copies the tokenizer's functions and keeps `api` (valid as long as
    // the connection, which the tokenizer cannot outlive) as the user data `create_instance` gets.
    let code = unsafe { create(api, NAME.as_ptr(), api.cast(), &mut tokenizer, None) };
    if code != ffi::SQLITE_OK {
        return Err(rusqlite::Error::SqliteFailure(ffi::Error::new(code), Some("registering debrief_cjk".into())));
    }
    Ok(())
}

/// FTS5's `xCreate`: the wrapped tokenizer is the first argument (unicode61 if none), created
/// with the arguments after it.
unsafe extern "C" fn create_instance(
    api: *mut c_void,
    arguments: *mut *const c_char,
    count: c_int,
    made: *mut *mut ffi::Fts5Tokenizer,
) -> c_int {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let api = api.cast::<ffi::fts5_api>();
        // SAFETY: `api` is the pointer `register` gave FTS5, valid while the connection is open.
        let Some(find) = (unsafe { (*api).xFindTokenizer }) else { return ffi::SQLITE_ERROR };
        let (name, rest, rest_count) = if count > 0 && !arguments.is_null() {
            // SAFETY: FTS5 passes `count` argument strings at `arguments`.
            (unsafe { *arguments }, unsafe { arguments.add(1) }, count - 1)
        } else {
            (c"unicode61".as_ptr(), arguments, 0)
        };
        let mut user_data: *mut c_void = std::ptr::null_mut();
        let mut parent = ffi::fts5_tokenizer { xCreate: None, xDelete: None, xTokenize: None };
        // SAFETY: `name` is a C string FTS5 gave us (or ours); `parent` is written by FTS5.
        let code = unsafe { find(api, name, &mut user_data, &mut parent) };
        if code != ffi::SQLITE_OK {
            return code;
        }
        let (Some(create), Some(_), Some(_)) = (parent.xCreate, parent.xDelete, parent.xTokenize) else {
            return ffi::SQLITE_ERROR;
        };
        let mut instance: *mut ffi::Fts5Tokenizer = std::ptr::null_mut();
        // SAFETY: the wrapped tokenizer's own `xCreate`, with its user data and the arguments left.
        let code = unsafe { create(user_data, rest, rest_count, &mut instance) };
        if code != ffi::SQLITE_OK {
            return code;
        }
        let wrapper = Box::new(Wrapper { parent, instance });
        // SAFETY: FTS5 hands the pointer back to `tokenize` and, once, to `delete_instance`.
        unsafe { *made = Box::into_raw(wrapper).cast() };
        ffi::SQLITE_OK
    }));
    outcome.unwrap_or(ffi::SQLITE_INTERNAL)
}

/// FTS5's `xDelete`: the wrapped instance, then ours.
unsafe extern "C" fn delete_instance(made: *mut ffi::Fts5Tokenizer) {
    if made.is_null() {
        return;
    }
    // SAFETY: `made` is the box `create_instance` made, deleted only here.
    let wrapper = unsafe { Box::from_raw(made.cast::<Wrapper>()) };
    if let Some(delete) = wrapper.parent.xDelete {
        // SAFETY: the wrapped tokenizer's instance, deleted once, by its own function.
        unsafe { delete(wrapper.instance) };
    }
}

/// FTS5's `xTokenize`: the wrapped tokenizer's tokens, each run of CJK characters split.
unsafe extern "C" fn tokenize(
    made: *mut ffi::Fts5Tokenizer,
    context: *mut c_void,
    flags: c_int,
    text: *const c_char,
    length: c_int,
    token: Option<TokenCallback>,
) -> c_int {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let Some(token) = token else { return ffi::SQLITE_MISUSE };
        // SAFETY: `made` is the box `create_instance` made, alive until `delete_instance`.
        let wrapper = unsafe { &*made.cast::<Wrapper>() };
        let Some(parent_tokenize) = wrapper.parent.xTokenize else { return ffi::SQLITE_ERROR };
        let bytes = match usize::try_from(length) {
            // SAFETY: FTS5 passes `length` readable bytes at `text`.
            Ok(length) if length > 0 && !text.is_null() => unsafe { std::slice::from_raw_parts(text.cast(), length) },
            _ => &[][..],
        };
        let mut pass = Pass { context, token, text: bytes };
        // SAFETY: the wrapped tokenizer reads the same text and calls `split` with `pass`,
        // which lives through the call.
        unsafe {
            parent_tokenize(wrapper.instance, (&mut pass as *mut Pass<'_>).cast(), flags, text, length, Some(split))
        }
    }));
    outcome.unwrap_or(ffi::SQLITE_INTERNAL)
}

/// One token of the wrapped tokenizer: passed on as it is, unless its text holds CJK
/// characters, which go on one by one (the rest of it, in runs, lowercased).
unsafe extern "C" fn split(
    pass: *mut c_void,
    flags: c_int,
    folded: *const c_char,
    folded_length: c_int,
    start: c_int,
    end: c_int,
) -> c_int {
    // SAFETY: `pass` is the `Pass` that `tokenize` gave the wrapped tokenizer, alive during it.
    let pass = unsafe { &*pass.cast::<Pass<'_>>() };
    // Every character this splits is three or four bytes long and starts with 0xE3 or above:
    // most tokens are passed on after a look at their bytes alone.
    let written = usize::try_from(start)
        .ok()
        .zip(usize::try_from(end).ok())
        .and_then(|(start, end)| pass.text.get(start..end))
        .filter(|bytes| bytes.iter().any(|&byte| byte >= 0xE3))
        .and_then(|bytes| std::str::from_utf8(bytes).ok());
    let Some(written) = written.filter(|written| written.chars().any(is_cjk)) else {
        // SAFETY: FTS5's own callback, with the token as the wrapped tokenizer gave it.
        return unsafe { (pass.token)(pass.context, flags, folded, folded_length, start, end) };
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (at, c) in written.char_indices() {
        let ends = at + c.len_utf8();
        match pieces.last_mut() {
            Some((_, last_end)) if *last_end == at && !is_cjk(c) && !written[..at].ends_with(is_cjk) => {
                *last_end = ends;
            }
            _ => pieces.push((at, ends)),
        }
    }
    for (from, to) in pieces {
        let piece = written[from..to].to_lowercase();
        let (Ok(piece_length), Ok(piece_start), Ok(piece_end)) =
            (c_int::try_from(piece.len()), c_int::try_from(from), c_int::try_from(to))
        else {
            return ffi::SQLITE_TOOBIG;
        };
        // SAFETY: FTS5's own callback, with a token we own for the length of the call.
        let code = unsafe {
            (pass.token)(
                pass.context,
                0,
                piece.as_ptr().cast(),
                piece_length,
                start.saturating_add(piece_start),
                start.saturating_add(piece_end),
            )
        };
        if code != ffi::SQLITE_OK {
            return code;
        }
    }
    ffi::SQLITE_OK
}

/// Characters of scripts written without spaces between words: Han, Hiragana, Katakana (and
/// their half-width forms) and Hangul syllables.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{2FA1F}')
}
