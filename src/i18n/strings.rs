//! The string table. One variant per visible text; `texts()` gives (中文, English). A text may
//! hold `{}` placeholders that the caller fills with [`Key::fill`].

/// A visible string of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    AppTagline,
    LangToggle,
    CurrencyLabel,
    NavEconomics,
    NavData,
    Footer,
    Dismiss,
    StoredInputsIgnored,
    ResetSample,
    EconomicsTitle,
    EconomicsIntro,
    BridgeInputsTitle,
    EntryMode,
    ModeMoney,
    ModePercent,
    StartArr,
    ChurnedArr,
    ContractionArr,
    ExpansionArr,
    Ndr,
    Grr,
    GrossChurn,
    NetChurn,
    NdrExplain,
    GrrExplain,
    GrossChurnExplain,
    NetChurnExplain,
    NdrExcellent,
    NdrNegativeChurn,
    NdrShrinking,
    GrrStrong,
    GrrBelow,
    SourceNdr,
    SourceGrr,
    ErrNotNumber,
    ErrNegative,
    ErrZeroStart,
    ErrLossesExceedStart,
    ErrPercentAbove100,
    ShowingLastValid,
    ChartWaterfallTitle,
    ChartAxisArr,
    BarStart,
    BarChurn,
    BarContraction,
    BarExpansion,
    BarEnd,
    ChartError,
    ExportFigures,
    Metric,
    Value,
}

impl super::Text for Key {
    /// (中文, English).
    fn texts(self) -> (&'static str, &'static str) {
        use Key::*;
        match self {
            AppTitle => ("留存实验室", "Retention Lab"),
            AppTagline => ("客户成功计算器", "Customer-success calculator"),
            LangToggle => ("English", "中文"),
            CurrencyLabel => ("货币", "Currency"),
            NavEconomics => ("留存经济", "Retention economics"),
            Footer => (
                "所有计算都在本浏览器内完成，数据不会离开这台电脑。",
                "All computation stays in this browser; no data leaves this computer.",
            ),
            Dismiss => ("关闭", "Dismiss"),
            StoredInputsIgnored => (
                "浏览器中保存的输入已损坏或版本过旧，已忽略并改用示例数据。",
                "The inputs saved in this browser were unreadable or from an old version; they were ignored and the sample figures loaded.",
            ),
            ResetSample => ("恢复示例数据", "Reset to sample"),
            EconomicsTitle => ("净收入留存桥", "Net revenue retention bridge"),
            EconomicsIntro => (
                "一年内，年初已有客户的 ARR 如何变化（不含新客户）。当前为内置示例数据，可直接修改。",
                "How one year changes the ARR of the customers you had at the start (new customers excluded). Built-in sample figures: edit them freely.",
            ),
            BridgeInputsTitle => ("年度 ARR 变动", "ARR movements over the year"),
            EntryMode => ("输入方式", "Enter as"),
            ModeMoney => ("金额", "Amount"),
            ModePercent => ("占期初 %", "% of start"),
            StartArr => ("期初 ARR", "Starting ARR"),
            ChurnedArr => ("流失 ARR", "Churned ARR"),
            ContractionArr => ("降级 ARR", "Contraction ARR"),
            ExpansionArr => ("增购 ARR", "Expansion ARR"),
            Ndr => ("净收入留存率 NDR", "Net dollar retention (NDR)"),
            Grr => ("毛收入留存率 GRR", "Gross revenue retention (GRR)"),
            GrossChurn => ("毛收入流失率", "Gross revenue churn"),
            NetChurn => ("净收入流失率", "Net revenue churn"),
            NdrExplain => (
                "老客户一年后带来的收入占期初的比例，含增购。",
                "What last year's customers pay now, per unit they paid then, upsell included.",
            ),
            GrrExplain => (
                "只算流失和降级、不算增购时留住的收入比例，最高 100%。",
                "Share of revenue kept counting only churn and downgrades, never above 100 %.",
            ),
            GrossChurnExplain => (
                "流失加降级占期初 ARR 的比例（= 1 − GRR）。",
                "Churn plus contraction as a share of starting ARR (= 1 − GRR).",
            ),
            NetChurnExplain => (
                "扣除增购后的净流失（= 1 − NDR），为负即“金额负流失”。",
                "Losses net of expansion (= 1 − NDR); negative means negative churn.",
            ),
            NdrExcellent => ("优秀 ≥120%", "Excellent ≥120%"),
            NdrNegativeChurn => ("金额负流失 ≥100%", "Negative churn"),
            NdrShrinking => ("低于 100%", "Below 100%"),
            GrrStrong => ("稳健 ≥90%", "Strong ≥90%"),
            GrrBelow => ("低于 90% 基准", "Below 90%"),
            SourceNdr => (
                "来源：《SaaS企业增长的三大动因》：优秀的 SaaS 产品一般可以实现 NDR 大于 120%；通过增购实现“金额负流失”，即 NDR 大于 100%（《客户成功团队的组织架构》一文）。",
                "Sources: \"SaaS企业增长的三大动因\" (excellent SaaS products reach NDR above 120 %); NDR above 100 % is negative revenue churn, reached through upsell (article on CS team organisation, 图2-1/2-5).",
            ),
            SourceGrr => (
                "来源：SaaS Capital 留存基准（SaaS 公司 GRR 中位数约 90%）。",
                "Source: SaaS Capital retention benchmarks (median SaaS GRR about 90 %).",
            ),
            ErrNotNumber => ("“{}” 不是数字", "\"{}\" is not a number"),
            ErrNegative => ("不能为负数", "cannot be negative"),
            ErrZeroStart => ("期初 ARR 必须大于 0", "starting ARR must be above zero"),
            ErrLossesExceedStart => (
                "流失加降级（{}）超过期初 ARR（{}）",
                "churn plus contraction ({}) exceeds starting ARR ({})",
            ),
            ErrPercentAbove100 => ("不能超过 100%", "cannot exceed 100 %"),
            ShowingLastValid => (
                "输入有误，显示的是上一次有效输入的结果。",
                "An input is invalid: the figures show the last valid inputs.",
            ),
            ChartWaterfallTitle => ("ARR 桥：期初到期末", "ARR bridge: start to end of year"),
            ChartAxisArr => ("ARR", "ARR"),
            BarStart => ("期初", "Start"),
            BarChurn => ("流失", "Churn"),
            BarContraction => ("降级", "Contraction"),
            BarExpansion => ("增购", "Expansion"),
            BarEnd => ("期末", "End"),
            ChartError => ("图表无法绘制：{}", "The chart could not be drawn: {}"),
            NavData => ("数据", "Data"),
            ExportFigures => ("下载这些数字", "Download these figures"),
            Metric => ("指标", "metric"),
            Value => ("数值", "value"),
        }
    }
}

impl Key {
    /// Replaces each `{}` of `template` with the next argument, in order.
    ///
    /// ```
    /// use retention_lab::i18n::Key;
    /// assert_eq!(Key::fill("{} of {}", &["1", "2"]), "1 of 2");
    /// ```
    pub fn fill(template: &str, args: &[&str]) -> String {
        let mut out = String::with_capacity(template.len());
        let mut args = args.iter();
        let mut parts = template.split("{}").peekable();
        while let Some(part) = parts.next() {
            out.push_str(part);
            if parts.peek().is_some() {
                out.push_str(args.next().copied().unwrap_or(""));
            }
        }
        out
    }
}
