//! Debrief's own FTS5 auxiliary functions, in place of SQLite's `bm25()` and `snippet()`:
//! the same ranking and the same passages, for less work. Profiling search over 10,000
//! post-mortems showed where `bm25()` and `snippet()` spend it: `bm25()` asks the index for the
//! length of every matching document with an SQL statement of its own (a third of a search
//! for a common word), and `snippet()`, run for the hits shown, needs the query set up again
//! and reads each of their texts twice. Here the lengths are read once into memory, each
//! match's positions come out of the ranking itself, and a passage reads its text once.
//!
//! - `debrief_score(documents_fts, weight, ...)`: bm25 with a weight per column, as
//!   `-bm25()` computes it (higher is better).
//! - `debrief_matches(documents_fts)`: where the query's phrases are in the row, as a blob
//!   of [`Match`]es.
//! - `debrief_passage(documents_fts, matches, words)`: the best passage of about `words`
//!   words for those matches, with `\u{2}` and `\u{3}` around each match, exactly as
//!   `snippet(documents_fts, -1, char(2), char(3), '…', words)` cuts it; usable on a row
//!   found by its rowid, without the full-text query.
//!
//! This is the only place Debrief talks to SQLite's C interface directly; everything here
//! follows SQLite's documented FTS5 extension API.

use std::ffi::{c_char, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr::NonNull;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, ffi};

/// SQLite's `FTS5_TOKEN_COLOCATED`: a synonym at the position of the token before it.
const TOKEN_COLOCATED: c_int = 0x0001;
const ELLIPSIS: &str = "…";

/// Each document's length in tokens (all columns together), by rowid: what bm25 weighs a
/// document's matches against. Read from the index in one go; `None` where not known.
#[derive(Default)]
pub(super) struct Lengths {
    tokens: Arc<Vec<Option<u32>>>,
    /// SQLite's `data_version` when read: it changes when another process writes the index.
    read_at: Option<i64>,
}

/// The lengths shared by an [`super::Index`] and its connection's functions.
pub(super) type SharedLengths = Arc<Mutex<Lengths>>;

/// Reads the lengths again if the index changed since they were read (this process forgets
/// them when it writes; another process's writes show in `data_version`).
pub(super) fn refresh(conn: &Connection, lengths: &SharedLengths) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA data_version", [], |row| row.get(0))?;
    let mut held = lengths.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if held.read_at == Some(version) {
        return Ok(());
    }
    let mut tokens: Vec<Option<u32>> = Vec::new();
    let mut statement = conn.prepare_cached("SELECT id, sz FROM documents_fts_docsize")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let (Ok(rowid), Ok(sizes)) = (usize::try_from(row.get::<_, i64>(0)?), row.get_ref(1)?.as_blob()) else {
            continue;
        };
        if tokens.len() <= rowid {
            tokens.resize(rowid + 1, None);
        }
        tokens[rowid] = column_sizes_total(sizes);
    }
    *held = Lengths { tokens: Arc::new(tokens), read_at: Some(version) };
    Ok(())
}

/// Forgets the lengths: this process changed the index.
pub(super) fn forget(lengths: &SharedLengths) {
    let mut held = lengths.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    *held = Lengths::default();
}

/// FTS5 keeps a row's column sizes as one varint per column; their sum is its length.
fn column_sizes_total(mut bytes: &[u8]) -> Option<u32> {
    let mut total: u64 = 0;
    while !bytes.is_empty() {
        let (value, used) = varint(bytes)?;
        total = total.checked_add(value)?;
        bytes = &bytes[used..];
    }
    u32::try_from(total).ok()
}

/// SQLite's variable-length integer: seven bits a byte, high bit set while more follow; a ninth
/// byte gives all eight bits.
fn varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    for (index, byte) in bytes.iter().enumerate().take(9) {
        if index == 8 {
            return Some(((value << 8) | u64::from(*byte), 9));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some((value, index + 1));
        }
    }
    None
}

/// Registers the functions with FTS5 on `conn`.
pub(super) fn register(conn: &Connection, lengths: SharedLengths) -> rusqlite::Result<()> {
    let api = fts5_api(conn)?;
    // SAFETY: `api` is FTS5's own table, valid while `conn` is open.
    let create = unsafe { (*api).xCreateFunction }.ok_or_else(|| missing("xCreateFunction"))?;
    let functions: [(&std::ffi::CStr, ffi::fts5_extension_function); 3] = [
        (c"debrief_score", Some(score_function)),
        (c"debrief_matches", Some(matches_function)),
        (c"debrief_passage", Some(passage_function)),
    ];
    for (name, function) in functions {
        let (user_data, destroy): (*mut c_void, Option<unsafe extern "C" fn(*mut c_void)>) = if name == c"debrief_score"
        {
            (Box::into_raw(Box::new(Arc::clone(&lengths))).cast(), Some(drop_lengths))
        } else {
            (std::ptr::null_mut(), None)
        };
        // SAFETY: as above; the name is a C string; FTS5 keeps `user_data` until the connection
        // closes and then hands it to `destroy`.
        let code = unsafe { create(api, name.as_ptr(), user_data, function, destroy) };
        if code != ffi::SQLITE_OK {
            if let Some(destroy) = destroy {
                // SAFETY: FTS5 did not take `user_data`; it is still ours to free, once.
                unsafe { destroy(user_data) };
            }
            return Err(rusqlite::Error::SqliteFailure(ffi::Error::new(code), Some(format!("registering {name:?}"))));
        }
    }
    Ok(())
}

pub(super) fn missing(what: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        ffi::Error::new(ffi::SQLITE_ERROR),
        Some(format!("SQLite's FTS5 does not offer {what}")),
    )
}

/// FTS5's extension API for `conn`, as SQLite documents getting it: `SELECT fts5(?1)` with a
/// pointer bound to `?1`.
pub(super) fn fts5_api(conn: &Connection) -> rusqlite::Result<*mut ffi::fts5_api> {
    let mut api: *mut ffi::fts5_api = std::ptr::null_mut();
    // SAFETY: the handle is `conn`'s and outlives this call; the statement is finalized before
    // returning; the bound pointer is written by SQLite during the step, while `api` lives.
    let code = unsafe {
        let db = conn.handle();
        let mut statement: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        let mut code =
            ffi::sqlite3_prepare_v2(db, c"SELECT fts5(?1)".as_ptr(), -1, &mut statement, std::ptr::null_mut());
        if code == ffi::SQLITE_OK {
            code = ffi::sqlite3_bind_pointer(
                statement,
                1,
                (&mut api as *mut *mut ffi::fts5_api).cast(),
                c"fts5_api_ptr".as_ptr(),
                None,
            );
            if code == ffi::SQLITE_OK {
                code = ffi::sqlite3_step(statement);
                if code == ffi::SQLITE_ROW || code == ffi::SQLITE_DONE {
                    code = ffi::SQLITE_OK;
                }
            }
        }
        ffi::sqlite3_finalize(statement);
        code
    };
    if code != ffi::SQLITE_OK || api.is_null() {
        return Err(missing("its extension API"));
    }
    Ok(api)
}

unsafe extern "C" fn drop_lengths(lengths: *mut c_void) {
    // SAFETY: the pointer is the `Box<SharedLengths>` made in `register`, freed only here.
    drop(unsafe { Box::from_raw(lengths.cast::<SharedLengths>()) });
}

/// The FTS5 API of one auxiliary function call, with its calls made safe to use.
struct Call {
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
}

/// An SQLite result code other than `SQLITE_OK`.
type Code = c_int;

macro_rules! api_function {
    ($call:expr, $name:ident) => {
        // SAFETY: `api` is the valid table FTS5 passed to the function being run.
        unsafe { (*$call.api).$name }.ok_or(ffi::SQLITE_MISUSE)?
    };
}

impl Call {
    fn checked(code: c_int) -> Result<(), Code> {
        if code == ffi::SQLITE_OK { Ok(()) } else { Err(code) }
    }

    fn phrase_count(&self) -> Result<usize, Code> {
        let function = api_function!(self, xPhraseCount);
        // SAFETY: FTS5's own function on its own context, during the call.
        Ok(usize::try_from(unsafe { function(self.fts) }).unwrap_or(0))
    }

    fn phrase_size(&self, phrase: c_int) -> Result<usize, Code> {
        let function = api_function!(self, xPhraseSize);
        // SAFETY: as above; `phrase` came from FTS5.
        Ok(usize::try_from(unsafe { function(self.fts, phrase) }).unwrap_or(0))
    }

    /// Calls `each(phrase, column, offset)` for every match in the current row, in FTS5's order
    /// (by column, then position).
    fn each_match(&self, mut each: impl FnMut(usize, usize, usize) -> Result<(), Code>) -> Result<(), Code> {
        let (count_function, instance) = (api_function!(self, xInstCount), api_function!(self, xInst));
        let mut count: c_int = 0;
        // SAFETY: FTS5's own functions on its own context, writing to locals.
        Self::checked(unsafe { count_function(self.fts, &mut count) })?;
        for index in 0..count {
            let (mut phrase, mut column, mut offset) = (0, 0, 0);
            // SAFETY: as above.
            Self::checked(unsafe { instance(self.fts, index, &mut phrase, &mut column, &mut offset) })?;
            let number = |value: c_int| usize::try_from(value).map_err(|_| ffi::SQLITE_CORRUPT);
            each(number(phrase)?, number(column)?, number(offset)?)?;
        }
        Ok(())
    }

    fn column_count(&self) -> Result<usize, Code> {
        let function = api_function!(self, xColumnCount);
        // SAFETY: FTS5's own function on its own context.
        Ok(usize::try_from(unsafe { function(self.fts) }).unwrap_or(0))
    }

    /// The text of `column` in the current row; borrowed from SQLite until the next row.
    fn column_text(&self, column: usize) -> Result<&[u8], Code> {
        let function = api_function!(self, xColumnText);
        let (mut text, mut length): (*const c_char, c_int) = (std::ptr::null(), 0);
        let column = c_int::try_from(column).map_err(|_| ffi::SQLITE_RANGE)?;
        // SAFETY: FTS5's own function; it points `text` at `length` bytes it keeps for the row.
        Self::checked(unsafe { function(self.fts, column, &mut text, &mut length) })?;
        if text.is_null() || length <= 0 {
            return Ok(&[]);
        }
        // SAFETY: FTS5 guarantees `length` readable bytes at `text` for the current row.
        Ok(unsafe { std::slice::from_raw_parts(text.cast::<u8>(), length as usize) })
    }

    /// The byte range of every token of `text`, split as the table's tokenizer splits it.
    fn tokens(&self, text: &[u8]) -> Result<Vec<(usize, usize)>, Code> {
        unsafe extern "C" fn each_token(
            found: *mut c_void,
            flags: c_int,
            _token: *const c_char,
            _length: c_int,
            start: c_int,
            end: c_int,
        ) -> c_int {
            if flags & TOKEN_COLOCATED == 0 {
                // SAFETY: `found` is the vector passed to xTokenize below, alive during the call.
                let found = unsafe { &mut *found.cast::<Vec<(usize, usize)>>() };
                found.push((usize::try_from(start).unwrap_or(0), usize::try_from(end).unwrap_or(0)));
            }
            ffi::SQLITE_OK
        }
        let function = api_function!(self, xTokenize);
        let mut found: Vec<(usize, usize)> = Vec::new();
        let length = c_int::try_from(text.len()).map_err(|_| ffi::SQLITE_TOOBIG)?;
        // SAFETY: FTS5 reads `length` bytes of `text` and calls `each_token` with `found` before returning.
        Self::checked(unsafe {
            function(
                self.fts,
                text.as_ptr().cast(),
                length,
                (&mut found as *mut Vec<(usize, usize)>).cast(),
                Some(each_token),
            )
        })?;
        Ok(found)
    }
}

/// Runs a function's body, turning its failure (or a panic, which must not cross into SQLite)
/// into an SQLite error.
fn answer(context: *mut ffi::sqlite3_context, body: impl FnOnce() -> Result<Answer, Code>) {
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or(Err(ffi::SQLITE_INTERNAL));
    // SAFETY: `context` is the one SQLite passed to the function being run.
    unsafe {
        match outcome {
            Ok(Answer::Real(value)) => ffi::sqlite3_result_double(context, value),
            Ok(Answer::Blob(bytes)) => match c_int::try_from(bytes.len()) {
                Ok(length) => ffi::sqlite3_result_blob(context, bytes.as_ptr().cast(), length, ffi::SQLITE_TRANSIENT()),
                Err(_) => ffi::sqlite3_result_error_toobig(context),
            },
            Ok(Answer::Text(text)) => match c_int::try_from(text.len()) {
                Ok(length) => ffi::sqlite3_result_text(context, text.as_ptr().cast(), length, ffi::SQLITE_TRANSIENT()),
                Err(_) => ffi::sqlite3_result_error_toobig(context),
            },
            Err(code) => ffi::sqlite3_result_error_code(context, code),
        }
    }
}

enum Answer {
    Real(f64),
    Blob(Vec<u8>),
    Text(String),
}

/// What bm25 needs once per query: each phrase's inverse document frequency and the average
/// length of a document, with the lengths read at the start.
struct Statistics {
    idf: Vec<f64>,
    average_length: f64,
    lengths: Arc<Vec<Option<u32>>>,
    /// The weight of a match in each column: the function's arguments.
    weights: Vec<f64>,
    /// Each phrase's weighted matches in the current row.
    frequencies: Vec<f64>,
}

unsafe extern "C" fn drop_statistics(statistics: *mut c_void) {
    // SAFETY: the pointer is a `Box<Statistics>` handed to xSetAuxdata, freed only here.
    drop(unsafe { Box::from_raw(statistics.cast::<Statistics>()) });
}

unsafe extern "C" fn count_row(_: *const ffi::Fts5ExtensionApi, _: *mut ffi::Fts5Context, rows: *mut c_void) -> c_int {
    // SAFETY: `rows` is the counter passed to xQueryPhrase, alive during the call.
    unsafe { *rows.cast::<i64>() += 1 };
    ffi::SQLITE_OK
}

impl Call {
    /// The query's statistics, worked out on the first row as `bm25()` does and kept for the rest.
    /// Kept by FTS5 until the query ends; it runs one call of the function at a time.
    fn statistics(&self, weights: impl FnOnce() -> Vec<f64>) -> Result<NonNull<Statistics>, Code> {
        let get = api_function!(self, xGetAuxdata);
        // SAFETY: FTS5 returns what this function stored for this query, or null.
        let kept = unsafe { get(self.fts, 0) }.cast::<Statistics>();
        if let Some(kept) = NonNull::new(kept) {
            return Ok(kept);
        }
        let (row_count, total_size, query_phrase, user_data, set) = (
            api_function!(self, xRowCount),
            api_function!(self, xColumnTotalSize),
            api_function!(self, xQueryPhrase),
            api_function!(self, xUserData),
            api_function!(self, xSetAuxdata),
        );
        let (mut rows, mut tokens): (i64, i64) = (0, 0);
        // SAFETY: FTS5's own functions on its own context, writing to locals.
        Self::checked(unsafe { row_count(self.fts, &mut rows) })?;
        // SAFETY: as above.
        Self::checked(unsafe { total_size(self.fts, -1, &mut tokens) })?;
        let mut idf = Vec::new();
        for phrase in 0..self.phrase_count()? {
            let mut hits: i64 = 0;
            let phrase = c_int::try_from(phrase).map_err(|_| ffi::SQLITE_RANGE)?;
            // SAFETY: FTS5 runs the phrase as a query of its own, calling `count_row` with `hits` per row.
            Self::checked(unsafe { query_phrase(self.fts, phrase, (&mut hits as *mut i64).cast(), Some(count_row)) })?;
            let value = ((rows - hits) as f64 + 0.5) / (hits as f64 + 0.5);
            idf.push(if value.ln() <= 0.0 { 1e-6 } else { value.ln() });
        }
        // SAFETY: the user data is the `Box<SharedLengths>` registered with this function.
        let shared = unsafe { &*user_data(self.fts).cast::<SharedLengths>() };
        let lengths = Arc::clone(&shared.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).tokens);
        let frequencies = vec![0.0; idf.len()];
        let average_length = tokens as f64 / rows as f64;
        let statistics = Box::new(Statistics { idf, average_length, lengths, weights: weights(), frequencies });
        let pointer = NonNull::from(Box::leak(statistics));
        // SAFETY: FTS5 keeps the box for this query and frees it with `drop_statistics` (also on failure).
        Self::checked(unsafe { set(self.fts, pointer.as_ptr().cast(), Some(drop_statistics)) })?;
        Ok(pointer)
    }

    /// The current row's length in tokens: from memory, else from the index.
    fn length(&self, lengths: &[Option<u32>]) -> Result<f64, Code> {
        let rowid_function = api_function!(self, xRowid);
        // SAFETY: FTS5's own function on its own context.
        let rowid = unsafe { rowid_function(self.fts) };
        if let Some(Some(tokens)) = usize::try_from(rowid).ok().and_then(|rowid| lengths.get(rowid)) {
            return Ok(f64::from(*tokens));
        }
        let size = api_function!(self, xColumnSize);
        let mut tokens: c_int = 0;
        // SAFETY: as above, writing to a local.
        Self::checked(unsafe { size(self.fts, -1, &mut tokens) })?;
        Ok(f64::from(tokens))
    }
}

/// The arguments after the table's name, as numbers.
fn weights(count: c_int, values: *mut *mut ffi::sqlite3_value) -> Vec<f64> {
    (0..usize::try_from(count).unwrap_or(0))
        // SAFETY: SQLite passes `count` valid values.
        .map(|index| unsafe { ffi::sqlite3_value_double(*values.add(index)) })
        .collect()
}

unsafe extern "C" fn score_function(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    context: *mut ffi::sqlite3_context,
    count: c_int,
    values: *mut *mut ffi::sqlite3_value,
) {
    answer(context, || {
        const K1: f64 = 1.2;
        const B: f64 = 0.75;
        let call = Call { api, fts };
        let mut statistics = call.statistics(|| weights(count, values))?;
        // SAFETY: FTS5 keeps the statistics until the query ends and runs one call at a time: this
        // call is their only user.
        let statistics = unsafe { statistics.as_mut() };
        statistics.frequencies.fill(0.0);
        call.each_match(|phrase, column, _| {
            if let Some(frequency) = statistics.frequencies.get_mut(phrase) {
                *frequency += statistics.weights.get(column).copied().unwrap_or(1.0);
            }
            Ok(())
        })?;
        let length = call.length(&statistics.lengths)?;
        let score = statistics.idf.iter().zip(&statistics.frequencies).fold(0.0, |score, (idf, frequency)| {
            score
                + idf
                    * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1.0 - B + B * length / statistics.average_length)))
        });
        Ok(Answer::Real(score))
    });
}

unsafe extern "C" fn matches_function(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    context: *mut ffi::sqlite3_context,
    _count: c_int,
    _values: *mut *mut ffi::sqlite3_value,
) {
    answer(context, || {
        let call = Call { api, fts };
        let mut sizes: Vec<Option<usize>> = Vec::new();
        let mut bytes = Vec::new();
        call.each_match(|phrase, column, offset| {
            if sizes.len() <= phrase {
                sizes.resize(phrase + 1, None);
            }
            let size = match sizes[phrase] {
                Some(size) => size,
                None => *sizes[phrase].insert(call.phrase_size(c_int::try_from(phrase).unwrap_or(0))?),
            };
            Match { phrase, column, offset, size }.encode_into(&mut bytes);
            Ok(())
        })?;
        Ok(Answer::Blob(bytes))
    });
}

unsafe extern "C" fn passage_function(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    context: *mut ffi::sqlite3_context,
    count: c_int,
    values: *mut *mut ffi::sqlite3_value,
) {
    answer(context, || {
        if count != 2 {
            return Err(ffi::SQLITE_MISUSE);
        }
        // SAFETY: SQLite passes two valid values; a blob's bytes stay valid until the value changes.
        let (encoded, words) = unsafe {
            let blob = ffi::sqlite3_value_blob(*values);
            let length = usize::try_from(ffi::sqlite3_value_bytes(*values)).unwrap_or(0);
            let encoded: &[u8] =
                if blob.is_null() || length == 0 { &[] } else { std::slice::from_raw_parts(blob.cast::<u8>(), length) };
            (encoded.to_vec(), ffi::sqlite3_value_int64(*values.add(1)))
        };
        let matches = Match::decode(&encoded);
        let call = Call { api, fts };
        let mut columns = Vec::new();
        for column in 0..call.column_count()? {
            let text = call.column_text(column)?;
            // Only columns with matches can hold the best passage; the first is the fallback.
            let tokens = if column == 0 || matches.iter().any(|found| found.column == column) {
                call.tokens(text)?
            } else {
                Vec::new()
            };
            columns.push(Column { text, tokens });
        }
        let words = usize::try_from(words.clamp(0, 64)).unwrap_or(0);
        Ok(Answer::Text(cut_passage(&columns, &matches, words)))
    });
}

/// A match of one of the query's phrases: which phrase, in which column, from which token and
/// over how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Match {
    phrase: usize,
    column: usize,
    offset: usize,
    size: usize,
}

impl Match {
    fn encode_into(&self, bytes: &mut Vec<u8>) {
        for value in [self.phrase, self.column, self.offset, self.size] {
            bytes.extend_from_slice(&u32::try_from(value).unwrap_or(u32::MAX).to_le_bytes());
        }
    }

    fn decode(bytes: &[u8]) -> Vec<Match> {
        bytes
            .chunks_exact(16)
            .map(|chunk| {
                let value = |at: usize| {
                    let mut word = [0u8; 4];
                    word.copy_from_slice(&chunk[at..at + 4]);
                    u32::from_le_bytes(word) as usize
                };
                Match { phrase: value(0), column: value(4), offset: value(8), size: value(12) }
            })
            .collect()
    }
}

/// One column of a row: its text, and each token's byte range in it.
struct Column<'t> {
    text: &'t [u8],
    tokens: Vec<(usize, usize)>,
}

impl Column<'_> {
    /// The tokens that start a sentence: the first, and each after a `.` or `:` and white space.
    fn sentence_starts(&self) -> Vec<usize> {
        let mut starts = Vec::new();
        for (position, (start, _)) in self.tokens.iter().enumerate() {
            if position == 0 {
                starts.push(0);
                continue;
            }
            let before = &self.text[..(*start).min(self.text.len())];
            let kept = before.iter().rposition(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'));
            let spaced = kept.map_or(!before.is_empty(), |last| last + 1 < before.len());
            if spaced && kept.is_some_and(|last| matches!(before[last], b'.' | b':')) {
                starts.push(position);
            }
        }
        starts
    }
}

/// How well the `words` tokens from `start` in `column` show the query: a thousand for each
/// phrase found, one for each repeat; and where a window of that length is best centred on them.
fn window_score(matches: &[Match], column: usize, length: usize, start: usize, words: usize) -> (u64, usize) {
    let mut seen = vec![false; matches.iter().map(|found| found.phrase + 1).max().unwrap_or(0)];
    let (mut score, mut first, mut last) = (0u64, None, 0usize);
    let end = start + words;
    for found in matches.iter().filter(|found| found.column == column && found.offset >= start && found.offset < end) {
        score += if seen[found.phrase] { 1 } else { 1000 };
        seen[found.phrase] = true;
        first.get_or_insert(found.offset);
        last = found.offset + found.size;
    }
    let first = first.unwrap_or(0) as i64;
    let (words_signed, length_signed) = (words as i64, length as i64);
    let mut adjusted = first - (words_signed - (last as i64 - first)) / 2;
    if adjusted + words_signed > length_signed {
        adjusted = length_signed - words_signed;
    }
    (score, usize::try_from(adjusted.max(0)).unwrap_or(0))
}

/// The best passage of about `words` tokens, marked as `snippet()` marks it: the same choice of
/// column and window (matches close together first, a sentence's start when it costs nothing)
/// and the same text around the marks.
fn cut_passage(columns: &[Column<'_>], matches: &[Match], words: usize) -> String {
    let (mut best_score, mut best_column, mut best_start) = (0u64, 0usize, 0usize);
    for (index, column) in columns.iter().enumerate() {
        let length = column.tokens.len();
        let starts = column.sentence_starts();
        for found in matches.iter().filter(|found| found.column == index && found.offset <= length) {
            let (score, adjusted) = window_score(matches, index, length, found.offset, words);
            if score > best_score {
                (best_score, best_column, best_start) = (score, index, adjusted);
            }
            if !starts.is_empty() && length > words {
                let sentence = starts.iter().rev().find(|start| **start <= found.offset).copied().unwrap_or(starts[0]);
                if sentence < found.offset {
                    let (score, _) = window_score(matches, index, length, sentence, words);
                    let score = score + if sentence == 0 { 120 } else { 100 };
                    if score > best_score {
                        (best_score, best_column, best_start) = (score, index, sentence);
                    }
                }
            }
        }
    }
    let Some(column) = columns.get(best_column) else { return String::new() };
    highlight(column, matches, best_column, best_start, words)
}

/// The `words` tokens of `column` from `start`, with each run of overlapping matches marked.
fn highlight(column: &Column<'_>, matches: &[Match], index: usize, start: usize, words: usize) -> String {
    let text = column.text;
    let mut out: Vec<u8> = Vec::with_capacity(words * 12);
    let range_end = (start + words).checked_sub(1);
    if start > 0 {
        out.extend_from_slice(ELLIPSIS.as_bytes());
    }
    let mut runs = Runs::new(matches, index);
    while runs.current.is_some_and(|(run_start, _)| run_start < start) {
        runs.advance();
    }
    let (mut copied, mut open) = (0usize, false);
    for (position, &(token_start, token_end)) in column.tokens.iter().enumerate() {
        let Some(range_end) = range_end else { break };
        if position < start || position > range_end {
            continue;
        }
        if start > 0 && position == start {
            copied = token_start;
        }
        let current = runs.current;
        if open && current.is_none_or(|(run_start, _)| position <= run_start) && token_start > copied {
            out.push(0x03);
            open = false;
        }
        if current.is_some_and(|(run_start, _)| position == run_start) && !open {
            out.extend_from_slice(&text[copied.min(token_start)..token_start]);
            out.push(0x02);
            copied = token_start;
            open = true;
        }
        if runs.current.is_some_and(|(_, run_end)| position == run_end) {
            if !open {
                out.push(0x02);
                open = true;
            }
            out.extend_from_slice(&text[copied.min(token_end)..token_end]);
            copied = token_end;
            runs.advance();
        }
        if position == range_end {
            if open {
                if runs.current.is_some_and(|(run_start, _)| position >= run_start) {
                    out.extend_from_slice(&text[copied.min(token_end)..token_end]);
                    copied = token_end;
                }
                out.push(0x03);
                open = false;
            }
            out.extend_from_slice(&text[copied.min(token_end)..token_end]);
            copied = token_end;
        }
    }
    if open {
        out.push(0x03);
    }
    match range_end {
        Some(range_end) if range_end + 1 >= column.tokens.len() => {
            out.extend_from_slice(&text[copied.min(text.len())..])
        }
        _ => out.extend_from_slice(ELLIPSIS.as_bytes()),
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The runs of matches in one column, overlapping matches taken together, in order.
struct Runs<'m> {
    matches: std::iter::Peekable<std::slice::Iter<'m, Match>>,
    column: usize,
    /// First and last token of the current run.
    current: Option<(usize, usize)>,
}

impl<'m> Runs<'m> {
    fn new(matches: &'m [Match], column: usize) -> Runs<'m> {
        let mut runs = Runs { matches: matches.iter().peekable(), column, current: None };
        runs.advance();
        runs
    }

    fn advance(&mut self) {
        self.current = None;
        while let Some(found) = self.matches.peek() {
            if found.column == self.column {
                let end = (found.offset + found.size).saturating_sub(1);
                match &mut self.current {
                    None => self.current = Some((found.offset, end)),
                    Some((_, run_end)) if found.offset <= *run_end => *run_end = (*run_end).max(end),
                    Some(_) => break,
                }
            }
            self.matches.next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{Index, IndexedDocument, read};

    /// Post-mortems with what makes passages differ: sentences ended by `.` and `:`, words
    /// repeated and far apart, matches at the start and the end, accents, other scripts, tables.
    fn documents() -> Vec<IndexedDocument> {
        let words = [
            "database",
            "failover",
            "replica",
            "lag",
            "pool",
            "connection",
            "timeout",
            "deploy",
            "rollback",
            "certificate",
            "expired",
            "dns",
            "resolver",
            "kubernetes",
            "node",
            "drained",
            "café",
            "naïve",
            "東京",
            "région",
            "disk",
            "full",
            "alert",
            "paged",
            "on-call",
            "error-rate",
        ];
        let mut state: u64 = 7;
        let mut next = |bound: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % bound
        };
        let mut documents = Vec::new();
        for number in 0..60 {
            let title = format!("{} {} {number}", words[next(words.len())], words[next(words.len())]);
            let mut body = String::new();
            for _ in 0..(3 + next(25)) {
                let length = 3 + next(14);
                let sentence: Vec<&str> = (0..length).map(|_| words[next(words.len())]).collect();
                let end = [". ", ": ", ", ", ".\n", " — ", "! "][next(6)];
                body.push_str(&sentence.join(" "));
                body.push_str(end);
            }
            if number % 7 == 0 {
                body.push_str("\n| 14:05 | alice | The replica lag grew |\n| 14:09 | bob | Failover done |\n");
            }
            let id = format!("2026-01-{:02}-{}", 1 + number % 28, title.replace(' ', "-"));
            let markdown = format!("---\nid: {id}\ntitle: {title}\n---\n\n# {title}\n\n## Summary\n{body}\n");
            documents.push(read(&format!("incidents/2026/{id}.md"), markdown.as_bytes()).0.unwrap());
        }
        documents
    }

    const QUERIES: [&str; 12] = [
        "\"database\"",
        "\"replica\" \"lag\"",
        "\"replica lag\"",
        "\"failo\"*",
        "\"connection\" \"pool\"*",
        "\"cafe\"",
        "\"東京\"",
        "\"node\" \"drained\" \"kubernetes\"",
        "\"2026\" \"01\"",
        "\"disk\" \"full\" \"alert\" \"paged\" \"on\"",
        "\"error rate\"",
        "\"region\"*",
    ];

    #[test]
    fn scores_and_passages_are_those_of_bm25_and_snippet() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut index = Index::open(dir.path()).unwrap();
        index.apply("c1", "incidents", true, &documents(), &[]).unwrap();
        let compare = |index: &Index| {
            refresh(&index.conn, &index.lengths).unwrap();
            let mut rows_seen = 0;
            for query in QUERIES {
                let mut statement = index
                    .conn
                    .prepare(
                        "SELECT rowid, -bm25(documents_fts, 8.0, 4.0, 1.0), debrief_score(documents_fts, 8.0, 4.0, 1.0),
                                snippet(documents_fts, -1, char(2), char(3), '…', 18), debrief_matches(documents_fts)
                         FROM documents_fts WHERE documents_fts MATCH ?1",
                    )
                    .unwrap();
                let rows: Vec<(i64, f64, f64, String, Vec<u8>)> = statement
                    .query_map([query], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                assert!(!rows.is_empty(), "{query} finds nothing");
                for (rowid, bm25, score, snippet, matches) in rows {
                    assert_eq!(score, bm25, "{query}, row {rowid}");
                    let passage: String = index
                        .conn
                        .query_row(
                            "SELECT debrief_passage(documents_fts, ?1, 18) FROM documents_fts WHERE rowid = ?2",
                            rusqlite::params![matches, rowid],
                            |row| row.get(0),
                        )
                        .unwrap();
                    assert_eq!(passage, snippet, "{query}, row {rowid}");
                    rows_seen += 1;
                }
            }
            rows_seen
        };
        assert!(compare(&index) > 200);
        // A change made here, and one made by another process, are both seen in the lengths.
        let more: Vec<IndexedDocument> = documents().into_iter().take(10).collect();
        let removed = vec![more[0].path.clone()];
        index.apply("c2", "incidents", false, &more[1..], &removed).unwrap();
        compare(&index);
        // Another process replaces the newest post-mortem: its rowid comes back with another length.
        let replacement = "---\nid: 2026-02-01-x\ntitle: Replica lag\n---\n\nThe database replica lag grew. \
                           A failover, then another failover, and the connection pool drained the database.\n";
        let replacement = read("incidents/2026/2026-02-01-x.md", replacement.as_bytes()).0.unwrap();
        let mut other = Index::open(dir.path()).unwrap();
        let newest = more.last().unwrap().path.clone();
        let rowid_of = |index: &Index, path: &str| -> i64 {
            index.conn.query_row("SELECT doc_id FROM documents WHERE path = ?1", [path], |row| row.get(0)).unwrap()
        };
        let reused = rowid_of(&other, &newest);
        other.apply("c3", "incidents", false, &[replacement], &[newest]).unwrap();
        assert_eq!(rowid_of(&other, "incidents/2026/2026-02-01-x.md"), reused);
        compare(&index);
    }

    #[test]
    fn column_sizes_are_read_from_their_varints() {
        assert_eq!(column_sizes_total(&[3, 0x81, 0x00, 7]), Some(3 + 128 + 7));
        assert_eq!(column_sizes_total(&[0x81]), None, "a varint cut short");
        assert_eq!(varint(&[0xff; 9]), Some((u64::MAX, 9)));
    }
}
