//! Finding numeric expressions in Korean text.
//!
//! A single left-to-right scan. Digits (ASCII or full-width) start a number; a few Hangul
//! words start the digit-less forms (`수만`, `천만`, `두 배`, `지난해`). Each expression is read
//! as: prefix (`약`, `최대`) · number (myriad groups, 천 as a digit) · `여` · range (`~`) ·
//! suffix (`%`, `배`, a counter, a currency) · ratio (`중`) · bound (`이상`, `가량`).

use super::quantity::{Amount, Approx, DurationUnit, Found, Quantity, Unit};
use super::text::{
    Digits, ch, is_hangul, is_int, lit, pow10, prev_ch, read_digits, read_int, space, to_i64,
    two_digit_year, valid_day,
};
use rust_decimal::Decimal;

type Dateline = Option<(i32, u8, u8)>;

/// Finds every numeric expression in Korean text.
pub(crate) fn find(text: &str, dateline: Dateline) -> Vec<Found> {
    let mut k = Ko { s: text, dl: dateline, out: Vec::new() };
    k.run();
    k.out
}

/// What follows a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Suf {
    None,
    Percent,
    Pp,
    Times,
    Rank,
    /// `대`: top-N, age decade or a machine counter; decided by context.
    Dae,
    /// `세`, `살`.
    AgeSe,
    /// `년`: a year or a number of years.
    Nyeon,
    NyeonGan,
    Wol,
    /// `일`: a day of the month or a number of days.
    Il,
    IlGan,
    JuGan,
    Gaewol,
    /// `달` after a native numeral (`두 달`).
    Dal,
    Cur(&'static str),
    Counter(&'static str),
    /// A Latin measure unit (`GW`, `km`).
    Latin(&'static str),
    /// Latin letters glued to the number that are no unit: a model or product name.
    Name,
}

/// Hangul words after a number, longest first where one is a prefix of another.
const SUFFIXES: &[(&str, Suf)] = &[
    ("퍼센트포인트", Suf::Pp),
    ("싱가포르달러", Suf::Cur("SGD")),
    ("캐나다달러", Suf::Cur("CAD")),
    ("스위스프랑", Suf::Cur("CHF")),
    ("킬로미터", Suf::Counter("킬로미터")),
    ("킬로그램", Suf::Counter("킬로그램")),
    ("홍콩달러", Suf::Cur("HKD")),
    ("대만달러", Suf::Cur("TWD")),
    ("호주달러", Suf::Cur("AUD")),
    ("퍼센트", Suf::Percent),
    ("개월", Suf::Gaewol),
    ("년간", Suf::NyeonGan),
    ("일간", Suf::IlGan),
    ("주간", Suf::JuGan),
    ("개사", Suf::Counter("개사")),
    ("개국", Suf::Counter("개국")),
    ("개소", Suf::Counter("개소")),
    ("개교", Suf::Counter("개교")),
    ("군데", Suf::Counter("군데")),
    ("가지", Suf::Counter("가지")),
    ("가구", Suf::Counter("가구")),
    ("마리", Suf::Counter("마리")),
    ("그루", Suf::Counter("그루")),
    ("배럴", Suf::Counter("배럴")),
    ("차례", Suf::Counter("차례")),
    ("리터", Suf::Counter("리터")),
    ("미터", Suf::Counter("미터")),
    ("시간", Suf::Counter("시간")),
    ("포인트", Suf::Counter("포인트")),
    ("달러", Suf::Cur("USD")),
    ("위안", Suf::Cur("CNY")),
    ("유로", Suf::Cur("EUR")),
    ("파운드", Suf::Cur("GBP")),
    ("루피", Suf::Cur("INR")),
    ("루블", Suf::Cur("RUB")),
    ("바트", Suf::Cur("THB")),
    ("원", Suf::Cur("KRW")),
    ("엔", Suf::Cur("JPY")),
    ("년", Suf::Nyeon),
    ("월", Suf::Wol),
    ("일", Suf::Il),
    ("배", Suf::Times),
    ("위", Suf::Rank),
    ("대", Suf::Dae),
    ("세", Suf::AgeSe),
    ("살", Suf::AgeSe),
    ("개", Suf::Counter("개")),
    ("명", Suf::Counter("명")),
    ("곳", Suf::Counter("곳")),
    ("건", Suf::Counter("건")),
    ("장", Suf::Counter("장")),
    ("척", Suf::Counter("척")),
    ("권", Suf::Counter("권")),
    ("편", Suf::Counter("편")),
    ("종", Suf::Counter("종")),
    ("채", Suf::Counter("채")),
    ("톤", Suf::Counter("톤")),
    ("회", Suf::Counter("회")),
    ("번", Suf::Counter("번")),
    ("인", Suf::Counter("인")),
    ("쌍", Suf::Counter("쌍")),
    ("점", Suf::Counter("점")),
    ("쪽", Suf::Counter("쪽")),
    ("표", Suf::Counter("표")),
    ("석", Suf::Counter("석")),
    ("평", Suf::Counter("평")),
    ("분", Suf::Counter("분")),
    ("초", Suf::Counter("초")),
    ("주", Suf::Counter("주")),
    ("㎞", Suf::Counter("㎞")),
    ("㎏", Suf::Counter("㎏")),
    ("㎡", Suf::Counter("㎡")),
    ("ℓ", Suf::Counter("ℓ")),
];

/// Latin measure units accepted after a number (anything else glued is a name: `4o`, `70B`).
const LATIN_UNITS: &[&str] = &[
    "GWh", "MWh", "kWh", "TWh", "km", "kg", "GW", "MW", "kW", "TB", "GB", "MB", "PB", "nm", "mm",
    "cm", "ha", "m",
];

/// The Latin measure unit `w`, if it is one.
pub(crate) fn latin_unit(w: &str) -> Option<&'static str> {
    LATIN_UNITS.iter().find(|u| **u == w).copied()
}

/// ISO 4217 codes recognised in running text (any code is accepted from content files).
pub(crate) const ISO_CODES: &[&str] = &[
    "KRW", "USD", "EUR", "JPY", "CNY", "GBP", "CHF", "CAD", "AUD", "HKD", "SGD", "TWD", "INR",
    "RUB", "THB", "VND",
];

/// First syllables of the particles and endings that may follow a counter. A counter followed
/// by any other syllable is the start of a longer word (`5 개발`, `백만장자`).
fn particle_start(c: char) -> bool {
    matches!(
        c,
        '이' | '가'
            | '은'
            | '는'
            | '을'
            | '를'
            | '의'
            | '에'
            | '와'
            | '과'
            | '로'
            | '으'
            | '도'
            | '만'
            | '씩'
            | '나'
            | '까'
            | '부'
            | '보'
            | '처'
            | '라'
            | '며'
            | '였'
            | '째'
            | '여'
            | '뿐'
            | '밖'
            | '께'
            | '랑'
            | '야'
            | '든'
            | '중'
            | '당'
            | '꼴'
            | '짜'
            | '어'
            | '입'
            | '미'
            | '초'
            | '안'
            | '내'
            | '정'
            | '남'
            | '쯤'
            | '경'
            | '선'
            | '다'
    )
}

/// Whether a word may end at `pos`: end of text, a non-Hangul character or a particle.
fn word_end(s: &str, pos: usize, allow_dae: bool) -> bool {
    match ch(s, pos) {
        None => true,
        Some((c, _)) if !is_hangul(c) => true,
        Some((c, _)) => particle_start(c) || (allow_dae && c == '대'),
    }
}

/// Words that make `N대` "the N biggest" rather than an age or a count (`3대 강국`,
/// `10대 기업`, `30대 그룹`), or an ordinal (`21대 국회`).
const TOP_N_WORDS: &[&str] = &[
    "강국",
    "기업",
    "그룹",
    "과제",
    "분야",
    "뉴스",
    "전략",
    "산업",
    "원칙",
    "은행",
    "금융",
    "플랫폼",
    "명품",
    "국정",
    "핵심",
    "요인",
    "리스크",
    "트렌드",
    "신산업",
    "혁신",
    "정책",
    "목표",
    "축",
    "방향",
    "재벌",
    "도시",
    "거점",
    "사업",
    "주력",
    "유망",
    "권역",
    "빅테크",
    "지주",
    "백화점",
    "국회",
    "총선",
    "대선",
    "대통령",
    "지방선거",
    "국회의원",
    "메가",
    "게임",
    "시장",
    "대학",
    "기술",
    "경제",
    "프로젝트",
    "브랜드",
    "상품",
    "품목",
    "업종",
    "이슈",
    "관광",
    "명소",
];

/// Words after `N년` that make it a length of time.
const DURATION_MARKERS: &[&str] = &[
    "동안",
    "만에",
    "만이",
    "째",
    "이내",
    "연속",
    "전",
    "후",
    "뒤",
    "평균",
    "내내",
    "이상",
    "이하",
    "미만",
    "여",
    "역사",
    "가까이",
    "넘게",
];

struct Ko<'a> {
    s: &'a str,
    dl: Dateline,
    out: Vec<Found>,
}

/// A number before its suffix.
#[derive(Clone, Copy, Debug)]
struct Core {
    value: Decimal,
    end: usize,
    /// Exponent of the largest myriad unit used (만 = 4), 0 if none.
    top: u32,
    /// Written as bare digits (no 만/천, no comma).
    plain: bool,
    comma: bool,
    int_digits: usize,
    leading_zero: bool,
    native: bool,
}

impl Core {
    fn from_digits(d: Digits) -> Core {
        Core {
            value: d.value,
            end: d.end,
            top: 0,
            plain: !d.comma,
            comma: d.comma,
            int_digits: d.int_digits,
            leading_zero: d.leading_zero,
            native: false,
        }
    }
}

fn digit_at(s: &str, pos: usize) -> bool {
    matches!(ch(s, pos), Some((c, _)) if c.is_ascii_digit())
}

/// Skips an ASCII word with its glued digits and inner `-`/`.`/`_` (`GPT-4o`, `H100`, `v1.2`).
pub(crate) fn skip_word(s: &str, mut pos: usize) -> usize {
    while let Some((c, n)) = ch(s, pos) {
        let joins = matches!(c, '-' | '.' | '_')
            && matches!(ch(s, n), Some((d, _)) if d.is_ascii_alphanumeric());
        if !(c.is_ascii_alphanumeric() || joins) {
            break;
        }
        pos = n;
    }
    pos
}

/// Skips an identifier made of digits and separators (`02-1234-5678`, `1.2.3`, `14:30`).
pub(crate) fn skip_ident(s: &str, mut pos: usize) -> usize {
    let start = pos;
    while let Some((c, n)) = ch(s, pos) {
        let joins = matches!(c, '-' | '.' | ',' | ':' | '/' | '_')
            && matches!(ch(s, n), Some((d, _)) if d.is_ascii_alphanumeric());
        if !(c.is_ascii_alphanumeric() || joins) {
            break;
        }
        pos = n;
    }
    if pos == start { ch(s, pos).map(|(_, n)| n).unwrap_or(s.len()) } else { pos }
}

fn small_unit(c: char) -> Option<u32> {
    match c {
        '천' => Some(3),
        '백' => Some(2),
        '십' => Some(1),
        _ => None,
    }
}

fn big_unit(c: char) -> Option<u32> {
    match c {
        '만' => Some(4),
        '억' => Some(8),
        '조' => Some(12),
        '경' => Some(16),
        _ => None,
    }
}

impl<'a> Ko<'a> {
    fn run(&mut self) {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_digit() {
                    i = self.at_digit(i);
                } else if b.is_ascii_alphabetic() {
                    i = skip_word(s, i);
                } else if b == b'\'' {
                    i = self.at_apostrophe(i).unwrap_or(i + 1);
                } else {
                    i += 1;
                }
                continue;
            }
            let Some((c, n)) = ch(s, i) else { break };
            let end = match c {
                '0'..='9' => Some(self.at_digit(i)),
                'A'..='Z' | 'a'..='z' => Some(skip_word(s, i)),
                '\'' => self.at_apostrophe(i),
                '수' | '몇' => self.at_vague(i),
                '천' | '백' | '십' => self.at_bare_unit(i),
                '지' | '작' | '올' | '금' | '내' | '재' | '이' | '다' => {
                    self.at_relative(i).or_else(|| self.at_native(i))
                }
                '한' | '두' | '세' | '네' | '여' | '일' | '아' | '열' => self.at_native(i),
                _ => None,
            };
            i = end.filter(|&e| e > i).unwrap_or(n);
        }
    }

    fn push(&mut self, start: usize, end: usize, quantity: Quantity) {
        self.out.push(Found { span: start..end, source: self.s[start..end].to_string(), quantity });
    }

    /// A digit at `i`: decides between a name, a date, an identifier and an expression.
    fn at_digit(&mut self, i: usize) -> usize {
        let s = self.s;
        if let Some((pc, ps)) = prev_ch(s, i) {
            if pc.is_ascii_alphanumeric() {
                return skip_word(s, i);
            }
            if matches!(pc, '-' | '_' | '.' | '/')
                && matches!(prev_ch(s, ps), Some((c, _)) if c.is_ascii_alphanumeric())
            {
                return skip_ident(s, i);
            }
            // 제3조, 제1회: legal articles and ordinal editions, not quantities.
            if pc == '제' && !matches!(prev_ch(s, ps), Some((c, _)) if is_hangul(c)) {
                return skip_ident(s, i);
            }
        }
        if let Some(end) = self.numeric_date(i) {
            return end;
        }
        let Some(core) = self.core(i) else {
            return skip_ident(s, i);
        };
        self.after_core(i, core)
    }

    /// `2026-02-15`, `2026.2.15`, `2026. 2. 15.`, `2024.12`.
    fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        let (year, yn, ye) = read_int(s, i)?;
        if yn != 4 || !(1900..=2100).contains(&year) {
            return None;
        }
        let (sep, p) = ch(s, ye)?;
        if !matches!(sep, '-' | '.') {
            return None;
        }
        let p = if sep == '.' { space(s, p) } else { p };
        let (month, mn, me) = read_int(s, p)?;
        if mn > 2 || !(1..=12).contains(&month) {
            return None;
        }
        let mut end = me;
        let mut day = None;
        if let Some((c, n)) = ch(s, end)
            && c == sep
            && let Some((dv, dn, de)) = read_int(s, if sep == '.' { space(s, n) } else { n })
        {
            if dn > 2 || !valid_day(Some(month as u8), dv as u32) {
                return None;
            }
            day = Some(dv as u8);
            end = de;
            if sep == '.' && matches!(ch(s, end), Some(('.', _))) {
                end += 1;
            }
        } else if sep == '-' {
            // `2024-12` is too easily a range or an identifier.
            return None;
        }
        // Anything else glued on (a digit, a letter, `%`, a counter) means this was no date.
        match ch(s, end) {
            Some((c, _)) if c.is_ascii_alphanumeric() || c == '%' || c == '-' => return None,
            Some(('.', n)) if day.is_none() && digit_at(s, n) => return None,
            Some((c, _)) if day.is_none() && is_hangul(c) => return None,
            _ => {}
        }
        self.push(i, end, Quantity::date(Some(year as i32), Some(month as u8), day));
        Some(end)
    }

    /// Digits and small units inside one myriad group: `7천700`, `4천6`, `1.8`, `8,000`.
    fn small_group(&self, p: usize) -> Option<(Decimal, usize, Digits, bool)> {
        let s = self.s;
        let d = read_digits(s, p)?;
        let mut total = Decimal::ZERO;
        let mut term = d.value;
        let mut q = d.end;
        let mut last = 4;
        let mut plain = true;
        while let Some((c, n)) = ch(s, q) {
            let Some(e) = small_unit(c) else { break };
            if e >= last {
                break;
            }
            total = total.checked_add(term.checked_mul(pow10(e))?)?;
            last = e;
            q = n;
            plain = false;
            term = Decimal::ZERO;
            if let Some(d2) = read_digits(s, q)
                && d2.value < pow10(e)
                && !d2.comma
            {
                term = d2.value;
                q = d2.end;
                continue;
            }
            break;
        }
        total = total.checked_add(term)?;
        Some((total, q, d, plain))
    }

    /// A myriad unit after `pos` (one optional space), smaller than `last`.
    fn big_after(&self, pos: usize, last: u32) -> Option<(u32, usize)> {
        let s = self.s;
        let q = space(s, pos);
        let (c, n) = ch(s, q)?;
        let e = big_unit(c)?;
        if e >= last {
            return None;
        }
        // 만큼 ("as much as"), 만화, 조각, 경기: a word, not a unit.
        match ch(s, n) {
            Some((c2, _)) if is_hangul(c2) => {
                if !(particle_start(c2) || self.suffix_word(n).is_some() || big_unit(c2).is_some())
                {
                    return None;
                }
                if c2 == '큼' {
                    return None;
                }
            }
            _ => {}
        }
        Some((e, n))
    }

    /// A full number: myriad groups `2조 5000억`, `908억7000만`, `5만6천795`, `1.8만`.
    fn core(&self, i: usize) -> Option<Core> {
        let s = self.s;
        let (gv, gend, d, gplain) = self.small_group(i)?;
        let Some((e, mut p)) = self.big_after(gend, u32::MAX) else {
            let mut c = Core::from_digits(d);
            c.value = gv;
            c.end = gend;
            c.plain = c.plain && gplain;
            return Some(c);
        };
        let mut total = gv.checked_mul(pow10(e))?;
        let top = e;
        let mut last = e;
        loop {
            let q = space(s, p);
            if !digit_at(s, q) {
                break;
            }
            let Some((g2, g2end, d2, _)) = self.small_group(q) else {
                break;
            };
            if let Some((e2, n2)) = self.big_after(g2end, last) {
                total = total.checked_add(g2.checked_mul(pow10(e2))?)?;
                last = e2;
                p = n2;
                continue;
            }
            // The last group, below 만: glued (`5만6천795`) or spaced (`1만 2345`), unless it
            // is a separate expression (`100만 2024년`).
            let spaced = q != p;
            let ok = g2 < pow10(4) && !d2.comma && !(spaced && self.blocks_final_group(g2end));
            if ok {
                total = total.checked_add(g2)?;
                p = g2end;
            }
            break;
        }
        Some(Core {
            value: total.normalize(),
            end: p,
            top,
            plain: false,
            comma: d.comma,
            int_digits: d.int_digits,
            leading_zero: d.leading_zero,
            native: false,
        })
    }

    fn blocks_final_group(&self, pos: usize) -> bool {
        let s = self.s;
        match ch(s, pos) {
            Some(('%' | '.' | '-', _)) => true,
            Some((c, _)) if c.is_ascii_alphanumeric() => true,
            Some((c, _)) if is_hangul(c) => matches!(
                self.suffix_word(pos),
                Some((
                    Suf::Nyeon
                        | Suf::Wol
                        | Suf::Il
                        | Suf::Rank
                        | Suf::Times
                        | Suf::AgeSe
                        | Suf::Dae
                        | Suf::Gaewol
                        | Suf::NyeonGan
                        | Suf::IlGan
                        | Suf::JuGan,
                    _
                ))
            ),
            _ => false,
        }
    }

    /// The longest suffix word at `pos` (no spacing, no word-end check).
    fn suffix_word(&self, pos: usize) -> Option<(Suf, usize)> {
        let s = self.s;
        let first = ch(s, pos)?.0;
        let mut best: Option<(Suf, usize)> = None;
        for &(w, suf) in SUFFIXES {
            if !w.starts_with(first) {
                continue;
            }
            if let Some(e) = lit(s, pos, w)
                && best.is_none_or(|(_, be)| e > be)
            {
                best = Some((suf, e));
            }
        }
        best
    }

    /// The suffix after a number: one optional space, then `%`/`%p`, a Hangul word that ends
    /// where a word may end, a Latin unit or an ISO code.
    fn suffix(&self, p: usize, native: bool) -> (Suf, usize) {
        let s = self.s;
        let q = space(s, p);
        let glued = q == p;
        let Some((c, n)) = ch(s, q) else {
            return (Suf::None, p);
        };
        if c == '%' {
            if let Some(e) = lit(s, n, "p").or_else(|| lit(s, n, "P"))
                && !matches!(ch(s, e), Some((c, _)) if c.is_ascii_alphabetic())
            {
                return (Suf::Pp, e);
            }
            if let Some(e) = lit(s, n, "포인트") {
                return (Suf::Pp, e);
            }
            return (Suf::Percent, n);
        }
        if is_hangul(c) {
            if native
                && let Some(e) = lit(s, q, "달")
                && word_end(s, e, false)
            {
                return (Suf::Dal, e);
            }
            if let Some((suf, e)) = self.suffix_word(q) {
                let ok = match suf {
                    // A year or a month is one whatever follows (`2024년말`, `12월초`).
                    Suf::Nyeon | Suf::Wol | Suf::Il => true,
                    Suf::Counter(_) | Suf::Cur(_) | Suf::Percent => word_end(s, e, true),
                    _ => word_end(s, e, false),
                };
                if ok {
                    return (suf, e);
                }
            }
            return (Suf::None, p);
        }
        if c.is_ascii_alphabetic() {
            let mut e = q;
            while let Some((c, n)) = ch(s, e) {
                if c.is_ascii_alphabetic() {
                    e = n;
                } else {
                    break;
                }
            }
            let word = &s[q..e];
            let digit_after = matches!(ch(s, e), Some((c, _)) if c.is_ascii_digit());
            if !digit_after && word.is_ascii() {
                if let Some(u) = LATIN_UNITS.iter().find(|u| **u == word) {
                    return (Suf::Latin(u), e);
                }
                if let Some(code) = ISO_CODES.iter().find(|u| **u == word) {
                    return (Suf::Cur(code), e);
                }
            }
            return if glued { (Suf::Name, e) } else { (Suf::None, p) };
        }
        (Suf::None, p)
    }

    /// `~`, `∼`, `〜`, `～` or an en dash (spaces allowed), or a glued hyphen; returns the start of
    /// the next number and whether the connector was a hyphen.
    fn range_conn(&self, p: usize) -> Option<(usize, bool)> {
        let s = self.s;
        let q = space(s, p);
        let (c, n) = ch(s, q)?;
        let hyphen = c == '-';
        if !(c == '~' || c == '–' || (hyphen && q == p)) {
            return None;
        }
        let r = if hyphen { n } else { space(s, n) };
        digit_at(s, r).then_some((r, hyphen))
    }

    /// Qualifiers written before the number (`약 `, `최대 `, `$`, `-`); returns the new start.
    fn prefixes(&self, i: usize) -> (usize, Approx, bool, Option<&'static str>) {
        let s = self.s;
        // A code before the number must not be the end of the figure before (`100 VND 1000억`:
        // `VND` belongs to 100; fuzz: numbers_ko found the two spans overlapping).
        let floor = self.out.last().map_or(0, |f| f.span.end);
        let mut start = i;
        let mut neg = false;
        let mut cur = None;
        if let Some((c, ps)) = prev_ch(s, start) {
            let sym = match c {
                '$' => Some("USD"),
                '₩' => Some("KRW"),
                '€' => Some("EUR"),
                '£' => Some("GBP"),
                '¥' => Some("JPY"),
                _ => None,
            };
            if let Some(code) = sym {
                cur = Some(code);
                start = ps;
                if c == '$'
                    && let Some(b) = s.get(..start)
                    && b.ends_with("US")
                {
                    start -= 2;
                }
            }
        }
        // `USD 100`, `KRW 1조`: an ISO code and a space before the number.
        if cur.is_none()
            && let Some((' ', ps)) = prev_ch(s, start)
            && ps >= 3 + floor
            && let Some(code) = s.get(ps - 3..ps).and_then(|w| ISO_CODES.iter().find(|c| **c == w))
            && !matches!(prev_ch(s, ps - 3), Some((c, _)) if c.is_ascii_alphanumeric())
        {
            cur = Some(code);
            start = ps - 3;
        }
        if let Some(('-', ps)) = prev_ch(s, start)
            && matches!(prev_ch(s, ps), None | Some((' ' | '(' | '[' | '\n', _)))
        {
            neg = true;
            start = ps;
        }
        let (approx, start) = ko_prefix(s, start);
        (start, approx, neg, cur)
    }

    /// Everything after the number: range, suffix, ratio, bounds. Returns where scanning resumes.
    fn after_core(&mut self, i: usize, left: Core) -> usize {
        let s = self.s;
        let (start, pre_approx, neg, cur_pre) =
            if left.native { (i, Approx::Exact, false, None) } else { self.prefixes(i) };
        // Identifier chains: `1.2.3`, `14:30`, `1/2`.
        if !left.native
            && let Some((c, n)) = ch(s, left.end)
            && matches!(c, '.' | ':' | '/')
            && digit_at(s, n)
        {
            return skip_ident(s, i);
        }
        // `3분의 1`: a fraction, part over whole.
        if left.plain
            && is_int(left.value)
            && let Some(e) = lit(s, left.end, "분의")
        {
            let q = space(s, e);
            if digit_at(s, q)
                && let Some(part) = self.core(q)
                && part.plain
                && is_int(part.value)
            {
                let mut end = part.end;
                let mut approx = pre_approx;
                if let Some((a, e)) = ko_postfix(s, end) {
                    approx = a;
                    end = e;
                }
                let q = Quantity {
                    amount: Amount::Ratio { part: part.value, whole: left.value },
                    unit: Unit::Ratio,
                    approx,
                    noun: None,
                };
                self.push(start, end, q);
                return end;
            }
        }
        let mut approx = pre_approx;
        let mut p = left.end;
        if let Some(e) = yeo(s, p) {
            approx = Approx::About;
            p = e;
        }
        let (mut suf, mut end) = self.suffix(p, left.native);
        let mut right: Option<Core> = None;
        let mut lo = left.value;
        if !left.native {
            if suf == Suf::None {
                // `10~249명`, `3~5조 원`: the suffix after the right end applies to both.
                if let Some((q, hyphen)) = self.range_conn(p)
                    && let Some(r) = self.core(q)
                {
                    let (rs, re) = self.suffix(r.end, false);
                    let hyphen_ok =
                        !hyphen || (rs != Suf::None && !matches!(ch(s, re), Some(('-', _))));
                    // `3~5조`: a bare left end takes the right end's myriad unit when that
                    // keeps it the lower end.
                    let mut l2 = lo;
                    if left.plain
                        && r.top > 0
                        && let Some(scaled) = lo.checked_mul(pow10(r.top))
                        && scaled <= r.value
                    {
                        l2 = scaled;
                    }
                    if hyphen_ok && rs != Suf::Name && l2 <= r.value {
                        lo = l2;
                        right = Some(r);
                        suf = rs;
                        end = re;
                    }
                }
            } else if suf != Suf::Name {
                // `10명~20명`, `3조 원~5조 원`: same suffix on both ends.
                if let Some((q, _)) = self.range_conn(end)
                    && let Some(r) = self.core(q)
                {
                    let (rs, re) = self.suffix(r.end, false);
                    if rs == suf && lo <= r.value {
                        right = Some(r);
                        end = re;
                    }
                }
            }
        }
        if suf == Suf::Name {
            return skip_word(s, i);
        }
        // `02-1234-5678`: a hyphenated identifier, not a range.
        if right.is_none()
            && let Some(('-', n)) = ch(s, p)
            && digit_at(s, n)
        {
            return skip_ident(s, i);
        }
        if left.native {
            let ok = match suf {
                Suf::Counter(c) => NATIVE_COUNTERS.contains(&c),
                Suf::Times => left.value >= Decimal::TWO,
                Suf::Dal => true,
                _ => false,
            };
            if !ok {
                return 0;
            }
        }
        if suf == Suf::None {
            // A bare number glued to an unknown word (`1분기`, `2차전지`) or following a Latin
            // name (`Llama 3`) is not a quantity.
            let next = ch(s, p);
            let glued_word = matches!(next, Some((c, _)) if is_hangul(c) && !particle_start(c));
            if right.is_none() && glued_word {
                return skip_to_word_end(s, p);
            }
            if right.is_none()
                && left.plain
                && approx == Approx::Exact
                && cur_pre.is_none()
                && (latin_word_before(s, start) || hangul_glued_before(s, start))
            {
                return left.end;
            }
        }
        let hi = right.map(|r| r.value);
        if neg {
            lo = -lo;
        }
        let amount = |lo: Decimal, hi: Option<Decimal>| match hi {
            Some(h) => Amount::Range(lo, h),
            None => Amount::Exact(lo),
        };

        let (unit, amount, noun): (Unit, Amount, Option<String>) = match suf {
            Suf::Name => return skip_word(s, i),
            Suf::None => match cur_pre {
                Some(code) => (Unit::Currency(code.into()), amount(lo, hi), None),
                // A bare four-digit 19xx/20xx with no counter is a year in Korean prose
                // (`'2025 공공데이터 백서'`), never a count.
                None if hi.is_none()
                    && left.plain
                    && approx == Approx::Exact
                    && is_int(lo)
                    && (Decimal::from(1900)..=Decimal::from(2099)).contains(&lo) =>
                {
                    (Unit::Year, amount(lo, hi), None)
                }
                None => (Unit::Count, amount(lo, hi), None),
            },
            Suf::Percent => (Unit::Percent, amount(lo, hi), None),
            Suf::Pp => (Unit::PercentagePoints, amount(lo, hi), None),
            Suf::Times => (Unit::Times, amount(lo, hi), None),
            Suf::Rank => {
                if !is_int(lo) || left.top > 0 {
                    return end;
                }
                (Unit::Rank, amount(lo, hi), None)
            }
            Suf::Cur(code) => (Unit::Currency(code.into()), amount(lo, hi), None),
            // `3주 연속`, `2주 만에`: weeks, not shares.
            Suf::Counter("주") if duration_marker(s, end) => {
                (Unit::Duration(DurationUnit::Weeks), amount(lo, hi), None)
            }
            Suf::Counter(c) => (Unit::Count, amount(lo, hi), Some(c.to_string())),
            Suf::Latin(u) => (Unit::Count, amount(lo, hi), Some(u.to_string())),
            Suf::AgeSe => (Unit::Age, amount(lo, hi), None),
            Suf::Gaewol => (Unit::Duration(DurationUnit::Months), amount(lo, hi), None),
            Suf::Dal => (Unit::Duration(DurationUnit::Months), amount(lo, hi), None),
            Suf::NyeonGan => (Unit::Duration(DurationUnit::Years), amount(lo, hi), None),
            Suf::IlGan => (Unit::Duration(DurationUnit::Days), amount(lo, hi), None),
            Suf::JuGan => (Unit::Duration(DurationUnit::Weeks), amount(lo, hi), None),
            Suf::Dae => {
                let q = space(s, end);
                let spaced_word = q != end && matches!(ch(s, q), Some((c, _)) if is_hangul(c));
                if TOP_N_WORDS.iter().any(|w| lit(s, q, w).is_some())
                    || (q != end && digit_at(s, q))
                {
                    return end;
                }
                let decade = |d: Decimal| {
                    left.top == 0
                        && to_i64(d).is_some_and(|v| (10..=90).contains(&v) && v % 10 == 0)
                };
                match hi {
                    Some(h) if decade(lo) && decade(h) => {
                        (Unit::Age, Amount::Range(lo, h + Decimal::from(9)), None)
                    }
                    None if decade(lo) => {
                        (Unit::Age, Amount::Range(lo, lo + Decimal::from(9)), None)
                    }
                    None if left.top == 0
                        && is_int(lo)
                        && lo < Decimal::from(10)
                        && spaced_word =>
                    {
                        // `3대 강국`: "the three great powers", not three machines.
                        return end;
                    }
                    _ => (Unit::Count, amount(lo, hi), Some("대".to_string())),
                }
            }
            Suf::Nyeon => {
                return self.year_or_years(start, left, right, lo, hi, end, approx);
            }
            Suf::Wol => {
                let month = to_i64(lo).filter(|m| (1..=12).contains(m));
                let (Some(m), None) = (month, hi) else {
                    return end;
                };
                let (date_end, day) = self.day_after(end, Some(m as u8));
                let q = Quantity::date(None, Some(m as u8), day);
                self.push(start, date_end, q);
                return date_end;
            }
            Suf::Il => {
                let dv = to_i64(lo);
                let marker = duration_marker(s, end);
                match (dv, hi) {
                    (Some(d), None) if (1..=31).contains(&d) && !marker && left.top == 0 => {
                        let q = match self.dl {
                            Some((y, m, _)) if valid_day(Some(m), d as u32) => {
                                Quantity::date(Some(y), Some(m), Some(d as u8))
                            }
                            _ => Quantity::date(None, None, Some(d as u8)),
                        };
                        self.push(start, end, q);
                        return end;
                    }
                    _ => (Unit::Duration(DurationUnit::Days), amount(lo, hi), None),
                }
            }
        };

        // `4명 중 1명`, `28개 중 25개`: part of a whole, same counter on both.
        if let (Suf::Counter(c), None, Amount::Exact(whole)) = (suf, hi, &amount)
            && approx == Approx::Exact
            && let Some((part, e)) = self.ratio_part(end, c)
        {
            let mut approx = Approx::Exact;
            let mut e = e;
            if let Some((a, pe)) = ko_postfix(s, e) {
                approx = a;
                e = pe;
            } else if let Some(pe) = lit(s, e, "꼴") {
                // `4명 중 1명꼴`: "roughly one in four".
                approx = Approx::About;
                e = pe;
            }
            let q = Quantity {
                amount: Amount::Ratio { part, whole: *whole },
                unit: Unit::Ratio,
                approx,
                noun: Some(c.to_string()),
            };
            self.push(start, e, q);
            return e;
        }

        // `100억원대`, `30%대`: "in the 10-billion range" is at least the value.
        if matches!(suf, Suf::Counter(_) | Suf::Cur(_) | Suf::Percent)
            && let Some(e) = lit(s, end, "대")
            && word_end(s, e, false)
        {
            approx = Approx::Over;
            end = e;
        }
        if let Some(e) = yeo(s, end) {
            approx = Approx::About;
            end = e;
        }
        if let Some((a, e)) = ko_postfix(s, end) {
            approx = a;
            end = e;
        }
        let q = Quantity { amount, unit, approx, noun };
        self.push(start, end, q);
        end
    }

    /// `N년`: a year (`2024년`, `97년`, `24년 상반기`) or a number of years (`3년 만에`).
    #[allow(clippy::too_many_arguments)]
    fn year_or_years(
        &mut self,
        start: usize,
        left: Core,
        right: Option<Core>,
        lo: Decimal,
        hi: Option<Decimal>,
        end: usize,
        approx: Approx,
    ) -> usize {
        let s = self.s;
        let Some(v) = to_i64(lo).filter(|_| left.top == 0 && !left.comma) else {
            return end;
        };
        let marker = duration_marker(s, end);
        let is_year = match left.int_digits {
            4 => right.is_none_or(|r| r.int_digits == 4),
            2 if right.is_none() => {
                left.leading_zero
                    || self.month_after(end).is_some()
                    || ["상반기", "하반기", "분기", " 상반기", " 하반기"]
                        .iter()
                        .any(|w| lit(s, end, w).is_some())
                    || (v >= 50 && !marker)
            }
            _ => false,
        };
        if !is_year || v < 0 {
            let amount = match hi {
                Some(h) => Amount::Range(lo, h),
                None => Amount::Exact(lo),
            };
            let mut end = end;
            let mut approx = approx;
            if let Some(e) = yeo(s, end) {
                approx = Approx::About;
                end = e;
            }
            if let Some((a, e)) = ko_postfix(s, end) {
                approx = a;
                end = e;
            }
            let q =
                Quantity { amount, unit: Unit::Duration(DurationUnit::Years), approx, noun: None };
            self.push(start, end, q);
            return end;
        }
        let year = if left.int_digits == 2 { two_digit_year(v as i32, self.dl) } else { v as i32 };
        if let Some(h) = hi {
            let q = Quantity {
                amount: Amount::Range(Decimal::from(year), h),
                unit: Unit::Year,
                approx,
                noun: None,
            };
            let (approx2, end2) = year_postfix(s, end).unwrap_or((approx, end));
            let q = q.with_approx(approx2);
            self.push(start, end2, q);
            return end2;
        }
        self.year_tail(start, year, end, approx)
    }

    /// After a year: a month and day make it a date; else `이후`/`이전`/`경` bound the year.
    fn year_tail(&mut self, start: usize, year: i32, end: usize, approx: Approx) -> usize {
        let s = self.s;
        if let Some((m, me)) = self.month_after(end) {
            let (de, day) = self.day_after(me, Some(m));
            self.push(start, de, Quantity::date(Some(year), Some(m), day));
            return de;
        }
        let (approx, end) = year_postfix(s, end).unwrap_or((approx, end));
        let q = Quantity::exact(Decimal::from(year), Unit::Year).with_approx(approx);
        self.push(start, end, q);
        end
    }

    /// ` 12월` after a year.
    fn month_after(&self, p: usize) -> Option<(u8, usize)> {
        let s = self.s;
        let q = space(s, p);
        let d = read_digits(s, q)?;
        if d.int_digits > 2 || d.comma || d.frac_digits > 0 {
            return None;
        }
        let e = lit(s, d.end, "월")?;
        let m = to_i64(d.value)?;
        (1..=12).contains(&m).then_some((m as u8, e))
    }

    /// ` 15일` after a month.
    fn day_after(&self, p: usize, month: Option<u8>) -> (usize, Option<u8>) {
        let s = self.s;
        let q = space(s, p);
        if let Some(d) = read_digits(s, q)
            && d.int_digits <= 2
            && !d.comma
            && d.frac_digits == 0
            && let Some(e) = lit(s, d.end, "일")
            && let Some(v) = to_i64(d.value)
            && valid_day(month, v as u32)
            && lit(s, e, "간").is_none()
        {
            return (e, Some(v as u8));
        }
        (p, None)
    }

    /// ` 중 1명` after `4명`: the part, with the same counter.
    fn ratio_part(&self, p: usize, counter: &str) -> Option<(Decimal, usize)> {
        let s = self.s;
        let q = space(s, p);
        let mut e = lit(s, q, "중")?;
        if let Some(x) = lit(s, e, "에서").or_else(|| lit(s, e, "에")) {
            e = x;
        }
        let r = space(s, e);
        let core = if digit_at(s, r) { self.core(r)? } else { native_numeral(s, r)? };
        let (suf, end) = self.suffix(core.end, core.native);
        (suf == Suf::Counter(counter_static(counter)?)).then_some((core.value, end))
    }

    /// `'23년`: an apostrophe year.
    fn at_apostrophe(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if c.is_alphanumeric()) {
            return None;
        }
        let (_, n) = ch(s, i)?;
        let d = read_digits(s, n)?;
        if d.int_digits != 2 || d.comma || d.frac_digits > 0 {
            return None;
        }
        let e = lit(s, d.end, "년")?;
        let year = two_digit_year(to_i64(d.value)? as i32, self.dl);
        Some(self.year_tail(i, year, e, Approx::Exact))
    }

    /// `수만 개`, `수조원`, `수백억 달러`: a vague order of magnitude.
    fn at_vague(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c) || c.is_ascii_alphanumeric()) {
            return None;
        }
        let (_, mut p) = ch(s, i)?;
        let mut exp = 0;
        if let Some((c, n)) = ch(s, p)
            && let Some(e) = small_unit(c)
        {
            exp += e;
            p = n;
        }
        if let Some((c, n)) = ch(s, p)
            && let Some(e) = big_unit(c)
        {
            exp += e;
            p = n;
        }
        if exp == 0 {
            return None;
        }
        if let Some(e) = yeo(s, p) {
            p = e;
        }
        let (suf, end) = self.suffix(p, false);
        let (unit, noun) = match suf {
            Suf::Counter(c) => (Unit::Count, Some(c.to_string())),
            Suf::Cur(code) => (Unit::Currency(code.into()), None),
            _ => return None,
        };
        let q = Quantity { amount: Amount::Exact(pow10(exp)), unit, approx: Approx::Some, noun };
        self.push(i, end, q);
        Some(end)
    }

    /// `천만 관객`, `백만 달러`: a small unit standing for 1 before a myriad unit.
    fn at_bare_unit(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c) || c.is_ascii_alphanumeric()) {
            return None;
        }
        let (c, n) = ch(s, i)?;
        let small = small_unit(c)?;
        let (bc, bn) = ch(s, n)?;
        let big = big_unit(bc)?;
        if !word_end(s, bn, true) && self.suffix_word(bn).is_none() {
            return None;
        }
        let core = Core {
            value: pow10(small + big),
            end: bn,
            top: big,
            plain: false,
            comma: false,
            int_digits: 0,
            leading_zero: false,
            native: false,
        };
        Some(self.after_core(i, core))
    }

    /// `지난해`, `올해`, `지난해 12월`, `지난달`: resolved against the dateline.
    fn at_relative(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        let (y, m, _) = self.dl?;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c)) {
            return None;
        }
        const YEARS: &[(&str, i32)] =
            &[("재작년", -2), ("지난해", -1), ("작년", -1), ("올해", 0), ("금년", 0), ("내년", 1)];
        const MONTHS: &[(&str, i32)] = &[
            ("지난달", -1),
            ("이번 달", 0),
            ("이달", 0),
            ("다음 달", 1),
            ("다음달", 1),
            ("내달", 1),
        ];
        for &(w, off) in YEARS {
            if let Some(e) = lit(s, i, w)
                && word_end(s, e, false)
            {
                return Some(self.year_tail(i, y + off, e, Approx::Exact));
            }
        }
        for &(w, off) in MONTHS {
            if let Some(e) = lit(s, i, w)
                && word_end(s, e, false)
            {
                let total = y * 12 + (m as i32 - 1) + off;
                let (yy, mm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
                let (de, day) = self.day_after(e, Some(mm));
                self.push(i, de, Quantity::date(Some(yy), Some(mm), day));
                return Some(de);
            }
        }
        None
    }

    /// `두 배`, `네 명 중 한 명`, `세 곳`: native Korean numerals before a counter.
    fn at_native(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c) || c.is_ascii_alphanumeric()) {
            return None;
        }
        let core = native_numeral(s, i)?;
        let end = self.after_core(i, core);
        (end > i).then_some(end)
    }
}

/// A native numeral followed by exactly one space (`두 `).
fn native_numeral(s: &str, i: usize) -> Option<Core> {
    const WORDS: &[(&str, i64)] = &[
        ("다섯", 5),
        ("여섯", 6),
        ("일곱", 7),
        ("여덟", 8),
        ("아홉", 9),
        ("한", 1),
        ("두", 2),
        ("세", 3),
        ("네", 4),
        ("열", 10),
    ];
    for &(w, v) in WORDS {
        if let Some(e) = lit(s, i, w)
            && matches!(ch(s, e), Some((' ', _)))
        {
            return Some(Core {
                value: Decimal::from(v),
                end: e,
                top: 0,
                plain: false,
                comma: false,
                int_digits: 0,
                leading_zero: false,
                native: true,
            });
        }
    }
    None
}

/// Counters that native numerals take (`두 명`, `세 곳`); not `번` (`한 번` is an idiom).
const NATIVE_COUNTERS: &[&str] = &["명", "곳", "개", "가지", "개사", "개국", "건"];

fn counter_static(c: &str) -> Option<&'static str> {
    SUFFIXES.iter().find_map(|(_, suf)| match suf {
        Suf::Counter(x) if *x == c => Some(*x),
        _ => None,
    })
}

/// `여` right after a number or counter (`100여 명`, `1년여`) means "some, a little over".
fn yeo(s: &str, p: usize) -> Option<usize> {
    let e = lit(s, p, "여")?;
    match ch(s, e) {
        None => Some(e),
        Some((c, _)) if !is_hangul(c) => Some(e),
        // `100여개`: a counter glued to 여.
        Some((c, _)) if particle_start(c) || matches!(c, '개' | '명' | '곳' | '건' | '년') => {
            Some(e)
        }
        _ => None,
    }
}

fn duration_marker(s: &str, end: usize) -> bool {
    let q = space(s, end);
    DURATION_MARKERS.iter().any(|w| lit(s, q, w).is_some())
}

/// `약 `, `대략 `, `최대 `, `최소 `, `거의 ` before the number: (approximation, new start).
fn ko_prefix(s: &str, start: usize) -> (Approx, usize) {
    const WORDS: &[(&str, Approx)] = &[
        ("약", Approx::About),
        ("대략", Approx::About),
        ("거의", Approx::About),
        ("최대", Approx::Under),
        ("최소", Approx::Over),
    ];
    let before = &s[..start];
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    for &(w, a) in WORDS {
        if let Some(b) = trimmed.strip_suffix(w)
            && !matches!(b.chars().next_back(), Some(c) if is_hangul(norm_c(c)) || c.is_alphanumeric())
        {
            return (a, b.len());
        }
    }
    (Approx::Exact, start)
}

fn norm_c(c: char) -> char {
    super::text::norm(c)
}

/// Bounds and approximations written after the expression (`이상`, `미만`, `가량`).
fn ko_postfix(s: &str, end: usize) -> Option<(Approx, usize)> {
    const WORDS: &[(&str, Approx)] = &[
        ("이상", Approx::Over),
        ("초과", Approx::Over),
        ("이하", Approx::Under),
        ("미만", Approx::Under),
        ("이내", Approx::Under),
        ("가량", Approx::About),
        ("안팎", Approx::About),
        ("내외", Approx::About),
        ("정도", Approx::About),
        ("남짓", Approx::About),
        ("가까이", Approx::About),
        ("쯤", Approx::About),
    ];
    let q = space(s, end);
    for &(w, a) in WORDS {
        if let Some(e) = lit(s, q, w)
            && word_end(s, e, false)
        {
            return Some((a, e));
        }
    }
    None
}

/// `이후` (since), `이전` (before), `경`/`께` (around) after a year.
fn year_postfix(s: &str, end: usize) -> Option<(Approx, usize)> {
    for (w, a) in [("경", Approx::About), ("께", Approx::About), ("쯤", Approx::About)] {
        if let Some(e) = lit(s, end, w)
            && word_end(s, e, false)
        {
            return Some((a, e));
        }
    }
    let q = space(s, end);
    for (w, a) in [("이후", Approx::Over), ("이전", Approx::Under)] {
        if let Some(e) = lit(s, q, w)
            && word_end(s, e, false)
        {
            return Some((a, e));
        }
    }
    None
}

/// Whether the number at `start` follows a Latin word and a single space (`Llama 3`).
fn latin_word_before(s: &str, start: usize) -> bool {
    match prev_ch(s, start) {
        Some((' ', ps)) => matches!(prev_ch(s, ps), Some((c, _)) if c.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// Whether a Hangul syllable is glued right before `start` (`코로나19`: a name).
fn hangul_glued_before(s: &str, start: usize) -> bool {
    matches!(prev_ch(s, start), Some((c, _)) if is_hangul(c))
}

fn skip_to_word_end(s: &str, mut p: usize) -> usize {
    while let Some((c, n)) = ch(s, p) {
        if is_hangul(c) || c.is_ascii_alphanumeric() {
            p = n;
        } else {
            break;
        }
    }
    p
}
