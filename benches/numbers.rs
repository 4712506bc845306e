//! Throughput of `numbers::find` on a long Korean news article (and an English briefing).
//! Run with `cargo bench --bench numbers`; prints MB/s. Target: ≥ 20 MB/s for Korean.

use std::hint::black_box;
use std::time::Instant;
use yoyak::numbers::{find, find_with_dateline};

/// Realistic paragraphs in the house styles the engine meets (news wire and report prose).
const KO_PARAGRAPHS: &[&str] = &[
    "15일 소프트웨어정책연구소(SPRi)가 발간한 이슈리포트에 따르면 주요 딥러닝 프레임워크 28개 중 \
     25개가 오픈소스로 개발됐으며 트랜스포머(Transformer), 버트(BERT) 등 핵심 모델 구조 역시 \
     공개를 통해 빠르게 확산됐다.",
    "오픈소스AI의 확산은 플랫폼 지표에서도 뚜렷하다. 2024년 기준 깃허브 내 AI 프로젝트는 432만 개에 \
     달한다. 지난해 12월 기준 허깅페이스에 공개된 오픈소스 모델 수는 225만 개를 넘어섰다.",
    "기업의 89%가 AI 개발 과정에서 오픈소스 기술을 활용하고 있으며, 63%는 오픈소스 모델을 실제로 \
     도입하고 있다. 도입 이유로는 혁신 촉진(67%), 시장 표준 확보(67%), 생산성 향상(50%), 개발 비용 \
     절감(49%) 등이 꼽혔다.",
    "특히 종사자 10~249명 규모 중소기업의 오픈소스AI 활용률은 78%로, 대기업(67%)보다 높게 나타났다. \
     실제 2018년 이후 발표된 대표적 AI 모델 가운데 47.3%는 오픈소스 모델로 집계됐다.",
    "삼성전자는 3분기 영업이익 12조1000억원을 기록했다. 전년 동기 대비 277.4% 증가한 수치로, 매출은 \
     86조617억원이다. 반도체 부문은 7조원, 모바일은 3조5000억원을 벌었다.",
    "정부는 2조 5000억 원 규모의 AI 펀드를 조성하고 GPU 1만 대를 확보하기로 했다. 미국의 투자액은 \
     908억7000만 달러로 한국의 약 7배 이상이다. 청년층 10명 중 7명이 AI를 업무에 쓴다.",
    "메타는 '라마' 시리즈를 공개하며 수만 개의 파생 모델을 확산시켰고, GPT-4o와 H100 같은 이름은 \
     수량이 아니다. 40대 직장인의 절반 가까이가 3개월 만에 도구를 바꿨다. '23년 대비 11.7%p 늘었다.",
    "AI 3대 강국 도약을 위해서는 전략적 오픈소스AI 활용이 중요해지고 있다며 선진 오픈소스AI 기반 \
     R&D 추진을 통해 원천 AI 기술 역량을 내재화하고, 전문 인력 양성이 필요하다고 덧붙였다.",
];

const EN_PARAGRAPHS: &[&str] = &[
    "According to the report published on February 15, 2026, 25 of the 28 major deep learning \
     frameworks are open source. GitHub hosts 4.32 million AI projects as of 2024.",
    "Hugging Face passed 2.25 million open models in December 2025. Some 89% of companies use \
     open-source technology, and 63% have deployed open models; one in four cites cost.",
    "Small firms with 10–249 employees report a 78% adoption rate, 11.7 percentage points above \
     large firms. Investment reached $90.87 billion, more than sevenfold Korea's 2.5 trillion won.",
    "Since 2018, 47.3% of notable models were open; more than 71% were selected for state-of-the-art \
     results. Meta's Llama 3 spawned tens of thousands of derivative models.",
];

fn build(paragraphs: &[&str], min_bytes: usize) -> String {
    let mut text = String::with_capacity(min_bytes + 4096);
    let mut k = 0;
    while text.len() < min_bytes {
        text.push_str(paragraphs[k % paragraphs.len()]);
        text.push_str("\n\n");
        k += 1;
    }
    text
}

fn measure(name: &str, text: &str, lang: &str) -> f64 {
    // Warm up, then take the best of several runs (the machine is shared).
    let mut found = find(text, lang).len();
    let mut best = f64::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        found = black_box(find_with_dateline(black_box(text), lang, Some((2026, 2, 15)))).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = text.len() as f64 / 1_000_000.0;
    let rate = mb / best;
    println!(
        "{name}: {mb:.2} MB, {found} quantities, best {:.1} ms → {rate:.1} MB/s",
        best * 1000.0
    );
    rate
}

fn main() {
    let ko = build(KO_PARAGRAPHS, 2_000_000);
    let en = build(EN_PARAGRAPHS, 2_000_000);
    let rate = measure("numbers::find ko", &ko, "ko");
    measure("numbers::find en", &en, "en");
    if rate < 20.0 {
        println!("warning: Korean throughput below the 20 MB/s target");
    }
}
