//! Strings of the retention-economics section beyond the NDR bridge.

use super::table::strings;
use crate::forms::scenario::{GivenName, Preset, ScenarioName};

strings! {
    pub enum EconKey {
        HeterogeneityTitle => "客户异质性：固定流失率 vs sBG", "Customer heterogeneity: one churn rate vs sBG",
        SetByHand => "手动设定（平均流失率 + 分化度）：", "Set by hand (mean churn + polarisation):",
        FitBands => "90% 区间（来自同期群拟合的参数不确定性）：新客户预期生命周期 {del} 期；一年老客户 {derl} 期；基线情景的 sBG LTV {ltv}（基线自身的流失率不变，只有极化程度来自拟合）。",
                    "90 % intervals from the cohort fit's parameter uncertainty: a new customer's expected lifetime {del} periods; a customer one year in {derl} periods; the baseline scenario's sBG LTV {ltv} (the baseline's own churn held as set; only the polarisation comes from the fit).",
        FromCohortFit => "来自同期群拟合：", "From the cohort fit:",
        Discount => "每期折现率", "Discount rate per period",
        PeriodMonth => "个月", "months",
        PeriodQuarter => "个季度", "quarters",
        PeriodYear => "年", "years",
        LifetimeConstant => "新客户折现生命周期：固定流失率", "A new customer's discounted lifetime, one churn rate",
        LifetimeConstantExplain => "所有客户流失率相同：1 / (1 − (1 − 流失率)/(1 + 折现率))。",
                                   "Every customer churns at the mean rate: 1 / (1 − (1 − churn)/(1 + d)).",
        LifetimeSbg => "新客户折现生命周期：sBG（DEL）", "A new customer's discounted lifetime, sBG (DEL)",
        LifetimeDerl => "满一年老客户的折现剩余生命周期：sBG（DERL）", "Discounted expected residual lifetime of a customer one year in, sBG (DERL)",
        LifetimeDerlExplain => "已续约 {renewals} 次的客户：(β+n−1)/(α+β+n−1)·₂F₁(1, β+n; α+β+n; 1/(1+d))，n = {n}（Fader & Hardie 2010）。只用一个流失率时，任何老客户都是 {constant}。",
                               "A customer who has renewed {renewals} times: (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)), n = {n} (Fader & Hardie 2010). With one churn rate every existing customer has {constant}.",
        OnePeriodIs => "每期 = {months} 个月", "one period = {months} months",
        OnePeriodIsAMonth => "每期 = 1 个月", "one period = 1 month",
        LifetimeSbgExplain => "流失率因客户而异：₂F₁(1, β; α+β; 1/(1+d))（Fader & Hardie 2010）。",
                              "Churn differs by customer: ₂F₁(1, β; α+β; 1/(1+d)) (Fader & Hardie 2010).",
        Why => "平均流失率相同：新客户的 sBG 生命周期长 {longer}；满一年的老客户剩余生命周期比固定流失率多 {residual}——易流失的客户已经走了，只用一个流失率会低估现有客户群的价值。",
               "Same mean churn: a new customer's sBG lifetime is {longer} longer, and a customer one year in has {residual} more remaining lifetime than one churn rate gives — the quick leavers have gone, so one churn rate under-values the existing base.",
        SendToEconomics => "用于留存经济（异质性）", "Use in retention economics (heterogeneity)",
        Baseline => "基准", "Baseline",
        ScenariosTitle => "情景对比", "Scenarios side by side",
        ScenariosIntro => "修改任一情景的输入，所有指标即时重算；差值相对于基准。续约率（续约客户数/到期客户数）与续费率（续费金额/到期金额）是两个不同的数。",
                          "Change any scenario's inputs and every figure recomputes; deltas are against the baseline. Logo renewal (customers renewed / up for renewal) and dollar renewal (revenue renewed / revenue up for renewal) are different numbers.",
        AddScenario => "添加情景：", "Add a scenario:",
        PresetRenewal => "续约率 +5 个百分点", "Renewal +5 points",
        PresetUpsell => "增购至 NDR 120%", "Upsell to NDR 120%",
        PresetOnboarding => "降低新手期流失（−25%）", "Cut onboarding churn (−25%)",
        OnboardingLever => "90 天激活 {from}% → {to}%", "90-day activation {from}% → {to}%",
        Duplicate => "复制", "Duplicate",
        InputsHeading => "输入", "Inputs",
        ResultsHeading => "结果", "Results",
        Arpa => "每客户月收入 ARPA", "ARPA per month",
        Customers => "客户数", "Customers",
        MonthlyChurn => "月流失率", "Monthly churn",
        LogoRenewal => "年续约率（客户数）", "Logo renewal per year",
        Contraction => "续约时降级", "Contraction at renewal",
        Expansion => "续约时增购", "Expansion / upsell",
        Referral => "转介绍新增 ARR", "Referral new ARR",
        NewBusiness => "每年新签 ARR", "New-business ARR per year",
        GrossMargin => "毛利率", "Gross margin",
        Cac => "获客成本 CAC", "CAC per customer",
        DiscountRate => "年折现率", "Annual discount rate",
        Horizon => "预测年数", "Horizon (years)",
        LogoChurn => "年客户流失率", "Logo churn per year",
        LtvSimple => "LTV 简单（月 ARPA×毛利/月流失，不折现、无期限）", "LTV simple (monthly ARPA × margin / monthly churn; undiscounted, no horizon)",
        LtvDiscounted => "LTV 折现（预测期内，含增购）", "LTV discounted over the horizon (with expansion)",
        LtvSingleRate => "LTV 单一流失率（折现，预测期内，不含增购；sBG 的对照）", "LTV one churn rate (discounted, over the horizon, no expansion; sBG's comparator)",
        LtvSbg => "LTV sBG（异质性，折现，预测期内）", "LTV sBG (heterogeneity; discounted, over the horizon)",
        UndefinedNoChurn => "无流失时寿命 1/流失率 无定义", "undefined: with no churn, lifetime 1 / churn has no value",
        UndefinedNoCac => "CAC 为 0 时比值无定义", "undefined: CAC is 0",
        UndefinedOther => "此输入下无定义", "undefined for these inputs",
        LtvCac => "LTV : CAC（简单 LTV，不折现）", "LTV : CAC (simple LTV, undiscounted)",
        LtvCacDiscounted => "LTV : CAC（折现 LTV，预测期内）", "LTV : CAC (discounted LTV over the horizon)",
        Payback => "CAC 回收期（月）", "CAC payback (months)",
        DollarRenewal => "续费率（金额）", "Dollar renewal rate",
        ProjectionTitle => "现有客户收入预测（倒漏斗）", "Revenue from today's customers (inverted funnel)",
        Years => "年", "Years",
        ExistingRevenue => "现有客户", "existing customers",
        WithNewBusiness => "含新签与转介绍", "with new business and referrals",
        LtvWhy => "四种 LTV 计的不是同一件事：简单 LTV = 月 ARPA × 毛利 / 月流失，不折现、无期限；其余三种都只算预测期内、按年折现率折现。折现 LTV 按 NDR 计入增购；单一流失率与 sBG 都不含增购、平均流失率相同，二者之差只来自客户异质性（sBG 中易流失的客户先走）。简单 LTV 与其余三种之差主要来自期限与折现，不是异质性。",
                  "The four LTVs count different things. Simple = monthly ARPA × margin / monthly churn, undiscounted, with no horizon; the other three are sums over the horizon, discounted at the annual rate. Discounted LTV adds expansion through NDR; one churn rate and sBG leave expansion out and share the same mean churn, so the gap between those two is heterogeneity alone (under sBG the quick leavers go first). The gap between simple LTV and the other three is mostly horizon and discounting, not heterogeneity.",
        Ndr => "净收入留存率 NDR", "Net dollar retention (NDR)",
        Grr => "毛收入留存率 GRR", "Gross revenue retention (GRR)",
        ErrAboveZero => "必须大于 0", "must be above zero",
        ErrHorizon => "最多 30 年", "at most 30 years",
        ViewBridge => "NDR 桥", "NDR bridge",
        ViewScenarios => "情景与 LTV", "Scenarios and LTV",
        ProjectionAxis => "年收入", "Revenue per year",
        NextYearExisting => "明年收入：现有客户", "Next year's revenue, today's customers",
        NextYearTotal => "明年收入：含新签", "Next year's revenue, with new business",
        TornadoLtvTitle => "敏感性：折现 LTV（各输入 ±10%）", "Sensitivity: discounted LTV (each input ±10 %)",
        TornadoNdrTitle => "敏感性：NDR（各输入 ±10%）", "Sensitivity: NDR (each input ±10 %)",
        Minus10 => "输入 −10%", "input −10 %",
        Plus10 => "输入 +10%", "input +10 %",
        LtvBarsTitle => "四种 LTV 对比", "LTV four ways, by scenario",
        Simple => "简单", "simple",
        Discounted => "折现", "discounted",
        SingleRate => "单一流失率", "one churn rate",
        Sbg => "sBG", "sBG",
        BenchNdr => "基准：>120% 优秀，>100% 负流失", "benchmark: > 120 % excellent, > 100 % negative churn",
        BenchGrr => "基准：≥90%", "benchmark: ≥90 %",
        BenchLtvCac => "基准：≥3（按简单 LTV）", "benchmark: ≥3 (on simple LTV)",
        BenchPayback => "基准：≤12 个月", "benchmark: ≤12 months",
        SourceLtvCac => "来源：SaaS 通行经验法则 LTV:CAC ≥ 3，其中 LTV = ARPA × 毛利率 / 流失率，不折现（David Skok《SaaS Metrics 2.0》）；折现 LTV 的比值列在下一行，不套用此基准。",
                        "Source: the common SaaS rule of thumb LTV:CAC ≥ 3, with LTV = ARPA × gross margin / churn, undiscounted (David Skok, \"SaaS Metrics 2.0\"); the ratio on the discounted LTV is the next row, without this benchmark.",
        SourcePayback => "来源：SaaS 通行经验法则，CAC 回收期不超过 12 个月（如 David Skok《SaaS Metrics 2.0》）。",
                         "Source: the common SaaS rule of thumb, CAC payback within 12 months (e.g. David Skok, \"SaaS Metrics 2.0\").",
        TabProjection => "收入预测", "Revenue projection",
        TabLtv => "四种 LTV", "LTV four ways",
        TabSensitivity => "敏感性（龙卷风图）", "Sensitivity (tornado)",
    }
}

/// A scenario's name as shown. The names the app gives (the baseline's, a preset's, a copy of
/// one) are kept as what they are and shown in the UI language, so a workshop switched to
/// English midway shows no Chinese names; a name the user typed is shown as typed.
pub fn scenario_name(name: &ScenarioName, lang: super::lang::Lang) -> String {
    match name {
        ScenarioName::Typed(text) => text.clone(),
        ScenarioName::Given(given) => given_name(given, lang),
    }
}

fn given_name(given: &GivenName, lang: super::lang::Lang) -> String {
    match given {
        GivenName::Baseline => lang.t(EconKey::Baseline).to_string(),
        GivenName::Preset { preset } => lang.t(preset_key(*preset)).to_string(),
        GivenName::Copy { of } => format!("{} (2)", given_name(of, lang)),
        GivenName::Onboarding { from, to } => lang.fill(
            EconKey::OnboardingLever,
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
    }
}

/// The label of a preset (its button and the name of the scenario it adds).
pub fn preset_key(preset: Preset) -> EconKey {
    match preset {
        Preset::RenewalPlus5 => EconKey::PresetRenewal,
        Preset::UpsellToNdr120 => EconKey::PresetUpsell,
        Preset::CutOnboardingChurn => EconKey::PresetOnboarding,
    }
}

/// The name the app gave that a format-1 document wrote as text in either language ("基准",
/// "Baseline", a preset's label, any of these with " (2)"); a name the user typed otherwise.
pub fn name_from_v1_text(text: &str) -> ScenarioName {
    fn given(text: &str) -> Option<GivenName> {
        use super::lang::Text;
        let known = [
            (EconKey::Baseline, GivenName::Baseline),
            (
                preset_key(Preset::RenewalPlus5),
                GivenName::Preset {
                    preset: Preset::RenewalPlus5,
                },
            ),
            (
                preset_key(Preset::UpsellToNdr120),
                GivenName::Preset {
                    preset: Preset::UpsellToNdr120,
                },
            ),
            (
                preset_key(Preset::CutOnboardingChurn),
                GivenName::Preset {
                    preset: Preset::CutOnboardingChurn,
                },
            ),
        ];
        if let Some(inner) = text.strip_suffix(" (2)") {
            return given(inner).map(|of| GivenName::Copy { of: Box::new(of) });
        }
        known.into_iter().find_map(|(key, name)| {
            let (zh, en) = key.texts();
            (text == zh || text == en).then_some(name)
        })
    }
    match given(text) {
        Some(name) => ScenarioName::Given(name),
        None => ScenarioName::Typed(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_names_the_app_gave_follow_the_language_and_typed_names_stay() {
        let preset = |preset| ScenarioName::Given(GivenName::Preset { preset });
        assert_eq!(
            scenario_name(&preset(Preset::RenewalPlus5), Lang::En),
            "Renewal +5 points"
        );
        assert_eq!(
            scenario_name(&preset(Preset::UpsellToNdr120), Lang::Zh),
            "增购至 NDR 120%"
        );
        let baseline = ScenarioName::Given(GivenName::Baseline);
        assert_eq!(scenario_name(&baseline, Lang::Zh), "基准");
        assert_eq!(scenario_name(&baseline.copy(), Lang::En), "Baseline (2)");
        let typed = ScenarioName::Typed("Plan B".into());
        assert_eq!(scenario_name(&typed, Lang::Zh), "Plan B");
        assert_eq!(scenario_name(&typed.copy(), Lang::Zh), "Plan B (2)");
    }

    #[test]
    fn format_1_names_become_kinds_when_the_app_gave_them() {
        let preset = |preset| GivenName::Preset { preset };
        assert_eq!(
            name_from_v1_text("续约率 +5 个百分点"),
            ScenarioName::Given(preset(Preset::RenewalPlus5))
        );
        assert_eq!(
            name_from_v1_text("Upsell to NDR 120% (2)"),
            ScenarioName::Given(GivenName::Copy {
                of: Box::new(preset(Preset::UpsellToNdr120))
            })
        );
        assert_eq!(
            name_from_v1_text("Baseline"),
            ScenarioName::Given(GivenName::Baseline)
        );
        for typed in ["Plan B", "Plan B (2)", "基准 plan", " (2)"] {
            assert_eq!(name_from_v1_text(typed), ScenarioName::Typed(typed.into()));
        }
    }
}
