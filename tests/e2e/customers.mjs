// A deterministic customer CSV for the health and renewal tests: renewals drawn from a logistic
// link on the north star (so the fit has a signal), a numeric column the scorecard does not
// know (weekly_logins), all dated around 2026.
export function customersCsv(n, seed = 7) {
  let state = BigInt(seed) * 6364136223846793005n + 1442695040888963407n;
  const uniform = () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
    return Number(state >> 11n) / 2 ** 53;
  };
  const lines = ["customer_id,name,arr,contract_start,contract_end,north_star,tickets_opened,tickets_unresolved,nps,ttfv_days,exec_touch_days,referrals,expansion_arr,renewed,weekly_logins"];
  const day = (d) => new Date(Date.UTC(2025, 0, 1) + d * 86400000).toISOString().slice(0, 10);
  for (let i = 1; i <= n; i++) {
    const usage = Math.round(uniform() * 1200) / 10;
    const start = Math.floor(uniform() * 600);
    const renewedKnown = uniform() < 0.7;
    const p = 1 / (1 + Math.exp(-(-2 + 0.05 * usage)));
    const renewed = renewedKnown ? (uniform() < p ? "1" : "0") : "";
    const arr = 6000 + Math.round(uniform() * 200) * 600;
    lines.push([
      `K${String(i).padStart(6, "0")}`, `Kunde ${i}`, arr, day(start), day(start + 365), usage,
      Math.floor(uniform() * 12), Math.floor(uniform() * 5), Math.floor(uniform() * 11),
      uniform() < 0.1 ? "" : Math.floor(5 + uniform() * 100), Math.floor(uniform() * 200),
      Math.floor(uniform() * 3), uniform() < 0.3 ? Math.round(uniform() * 5000) : 0, renewed,
      Math.floor(uniform() * 40),
    ].join(","));
  }
  return lines.join("\n") + "\n";
}
