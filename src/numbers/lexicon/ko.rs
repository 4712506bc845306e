//! Korean words: what may follow a number, the particles that may end a word, the words that
//! make `N대` a top-N and `N년` a duration, native numerals and the qualifiers before and after
//! a number.

use crate::numbers::quantity::Approx;

/// What follows a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suf {
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
pub(crate) const SUFFIXES: &[(&str, Suf)] = &[
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

/// First syllables of the particles and endings that may follow a counter. A counter followed
/// by any other syllable is the start of a longer word (`5 개발`, `백만장자`).
pub(crate) fn particle_start(c: char) -> bool {
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

/// Words that make `N대` "the N biggest" rather than an age or a count (`3대 강국`,
/// `10대 기업`, `30대 그룹`), or an ordinal (`21대 국회`).
pub(crate) const TOP_N_WORDS: &[&str] = &[
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
pub(crate) const DURATION_MARKERS: &[&str] = &[
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

/// The exponent of a unit inside a myriad group (`천` = 3).
pub(crate) fn small_unit(c: char) -> Option<u32> {
    match c {
        '천' => Some(3),
        '백' => Some(2),
        '십' => Some(1),
        _ => None,
    }
}

/// The exponent of a myriad unit (`만` = 4, `억` = 8).
pub(crate) fn big_unit(c: char) -> Option<u32> {
    match c {
        '만' => Some(4),
        '억' => Some(8),
        '조' => Some(12),
        '경' => Some(16),
        _ => None,
    }
}

/// Native numerals read before a counter (`두 명`), longest first.
pub(crate) const NATIVE_NUMERALS: &[(&str, i64)] = &[
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

/// Counters that native numerals take (`두 명`, `세 곳`); not `번` (`한 번` is an idiom).
pub(crate) const NATIVE_COUNTERS: &[&str] = &["명", "곳", "개", "가지", "개사", "개국", "건"];

/// Relative years resolved against the dateline: (word, offset in years).
pub(crate) const RELATIVE_YEARS: &[(&str, i32)] =
    &[("재작년", -2), ("지난해", -1), ("작년", -1), ("올해", 0), ("금년", 0), ("내년", 1)];

/// Relative months resolved against the dateline: (word, offset in months).
pub(crate) const RELATIVE_MONTHS: &[(&str, i32)] =
    &[("지난달", -1), ("이번 달", 0), ("이달", 0), ("다음 달", 1), ("다음달", 1), ("내달", 1)];

/// Words before a number (`약 `, `최대 `) and the approximation each means.
pub(crate) const PREFIX_WORDS: &[(&str, Approx)] = &[
    ("약", Approx::About),
    ("대략", Approx::About),
    ("거의", Approx::About),
    ("최대", Approx::Under),
    ("최소", Approx::Over),
];

/// Bounds and approximations written after an expression (`이상`, `미만`, `가량`).
pub(crate) const POSTFIX_WORDS: &[(&str, Approx)] = &[
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

/// Words glued to a year that make it approximate (`2010년경`).
pub(crate) const YEAR_ABOUT: [(&str, Approx); 3] =
    [("경", Approx::About), ("께", Approx::About), ("쯤", Approx::About)];

/// Words after a year that bound it (`2018년 이후`, `2000년 이전`).
pub(crate) const YEAR_BOUNDS: [(&str, Approx); 2] =
    [("이후", Approx::Over), ("이전", Approx::Under)];

/// Parts of a year after `24년` that make it a year, not 24 years.
pub(crate) const YEAR_PARTS: [&str; 5] = ["상반기", "하반기", "분기", " 상반기", " 하반기"];
