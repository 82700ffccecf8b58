// Nuage charts: one bundle in (docs/dashboard.md), panels out. Shared by the live dashboard and
// the offline report, so both draw the same figures the same way. Money arrives as decimal
// strings and is added exactly (BigInt at the largest scale of the addends); numbers are made only
// to position marks.

const CENTS = 2;
const MILLI = 3;

/** Parses a decimal string into an integer scaled by 10^scale (exactly; extra digits are an error). */
export function toUnits(text, scale) {
  if (text === null || text === undefined || text === "") return 0n;
  const s = String(text).trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  const frac = (m[3] || "").padEnd(scale, "0");
  if (frac.length > scale && /[1-9]/.test(frac.slice(scale))) {
    throw new Error(`${s} has more than ${scale} decimals`);
  }
  const units = BigInt(m[2] + frac.slice(0, scale));
  return m[1] === "-" ? -units : units;
}

/** Formats an integer scaled by 10^scale as a plain decimal string with exactly scale decimals. */
export function fromUnits(units, scale) {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return (neg ? "-" : "") + whole + (scale > 0 ? "." + frac : "");
}

/** Groups the thousands of a plain decimal string for people: "1234567.50" becomes "1,234,567.50". */
export function grouped(text) {
  if (text === null || text === undefined || text === "") return "—";
  const [whole, frac] = String(text).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + digits + (frac !== undefined ? "." + frac : "");
}

const usd = (text) => {
  if (text === "" || text === null || text === undefined) return "—";
  const g = grouped(text);
  return g.startsWith("-") ? "-$" + g.slice(1) : "$" + g;
};
// a standard error the futures cannot estimate is null in the risk JSON (one future, a tail of one)
const se = (text, show) => (text === null ? "n/a" : show(text));
const num = (text) => (text === "" || text === null || text === undefined ? null : Number(text));
const pct = (text, digits = 2) => (text === "" || text === null || text === undefined ? "—" : (Number(text) * 100).toFixed(digits) + "%");
// ECharts renders a custom tooltip formatter's string as HTML: text from the data goes in escaped
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const compact = (v) => {
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(1) + "B";
  if (a >= 1e6) return (v / 1e6).toFixed(1) + "M";
  if (a >= 1e3) return (v / 1e3).toFixed(0) + "k";
  return String(v);
};

const decimals = (text) => {
  const dot = String(text ?? "").indexOf(".");
  return dot < 0 ? 0 : String(text).trim().length - dot - 1;
};

/**
 * Exact decimal sums per key, as plain decimal strings with at least minScale decimals (more when an
 * addend has more: billing exports carry sub-cent amounts).
 */
function sumBy(rows, keyOf, valueOf, minScale) {
  const scale = rows.reduce((s, r) => Math.max(s, decimals(valueOf(r))), minScale);
  const sums = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    sums.set(key, (sums.get(key) || 0n) + toUnits(valueOf(row), scale));
  }
  return new Map([...sums].map(([k, v]) => [k, fromUnits(v, scale)]));
}

/** a - b for plain decimal strings, exactly. */
export function minus(a, b) {
  const scale = Math.max(decimals(a), decimals(b), CENTS);
  return fromUnits(toUnits(a, scale) - toUnits(b, scale), scale);
}

const sorted = (values) => [...new Set(values)].sort();

// One colour per provider in every panel, whatever set of providers a panel shows: the usual
// providers have their own, any other takes one by a hash of its name.
const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f", "#ff9da7", "#bab0ac"];
const KNOWN = { oci: 0, aws: 1, gcp: 2, azure: 3, coreweave: 4, lambda: 5, nebius: 6, runpod: 7, vast: 8 };
function colourOf(provider) {
  if (provider in KNOWN) return PALETTE[KNOWN[provider]];
  let h = 0;
  for (const c of provider) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

// ---- view models: pure functions of the bundle, each a list of table rows -----------------------

export function summaryRows(bundle) {
  const plan = bundle.plan;
  if (!plan) return [];
  return [{
    status: plan.status, totalCost: plan.totalCost ?? "", lowerBound: plan.lowerBound ?? "",
    gap: plan.gap ?? "", solveSeconds: plan.solveSeconds == null ? "" : Number(plan.solveSeconds).toFixed(1),
  }];
}

const hasLedger = (bundle) => Boolean(bundle.ledger && (bundle.ledger.spend || []).length > 0);

export function burndownRows(bundle) {
  // The ledger part is the draw-down JSON of `nuage ledger --format json` / GET /api/ledger/drawdown.
  // an empty ledger still lists every contract year, with zeros: without spend there is no row
  const ledger = (hasLedger(bundle) && bundle.ledger.contracts) || [];
  // a reservation's figures are GPU-hours (unit), a year not started has no shortfall (null)
  const drawdown = ledger.flatMap((c) => (c.years || []).map((y) => ({
    contract: c.contract, year: Number(y.year), committed: y.committed, consumed: y.consumed,
    projected: y.projected, shortfall: y.projectedShortfall !== undefined ? y.projectedShortfall : (y.shortfall ?? ""),
    source: "ledger",
    // a take-or-pay true-up is the shortfall billed, never consumption; settlement: closed years only
    trueUp: y.trueUp ?? "", settlement: y.settlement ?? "",
    status: y.status ?? "", basis: y.projectionSource ?? "", unit: c.unit ?? "USD",
  })));
  if (drawdown.length > 0) return drawdown;
  const contracts = (bundle.plan && bundle.plan.contracts) || [];
  // The plan's contract years are 0-based; people (and the ledger) count from 1.
  return contracts.map((r) => ({
    contract: r.contract, year: Number(r.year) + 1, committed: r.committed, consumed: "",
    projected: r.consumed, shortfall: r.shortfall, source: "plan",
  }));
}

/**
 * How the ledger matched bills to contracts: per contract the amount each rule drew (rule names as
 * in docs/ledger-drawdown.md, section 1), then what matched no contract, by provider.
 */
export function matchingRows(bundle) {
  if (!hasLedger(bundle)) return [];
  const matched = (bundle.ledger.contracts || []).map((c) => ({
    contract: c.contract, kind: c.kind, unit: c.unit ?? "USD",
    contractApplied: (c.matched || {})["contract-applied"] ?? "", ids: (c.matched || {}).ids ?? "",
    providerName: (c.matched || {})["provider-name"] ?? "",
  }));
  const unit = bundle.ledger.currency ?? "USD";
  const outside = (bundle.ledger.outsideContracts || []).map((u) => ({
    contract: "(outside contracts: " + u.provider + ")", kind: "on demand", unit,
    contractApplied: "", ids: "", providerName: "", outside: u.billed,
  }));
  const unmatched = (bundle.ledger.unmatched || []).map((u) => ({
    contract: "(unmatched: " + u.provider + ")", kind: "no contract", unit,
    contractApplied: "", ids: "", providerName: "", unmatched: u.billed,
  }));
  return [...matched, ...outside, ...unmatched];
}

export function spendRows(bundle) {
  const actual = bundle.ledger && bundle.ledger.spend;
  const source = actual && actual.length > 0 ? "ledger" : "plan";
  const rows = source === "ledger" ? actual.map((r) => ({ provider: r.provider, month: r.month, cost: r.billed }))
    : ((bundle.plan && bundle.plan.placements) || []);
  const sums = sumBy(rows, (r) => r.provider + "|" + r.month, (r) => r.cost, CENTS);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, spend]) => {
    const [provider, month] = key.split("|");
    return { provider, month, spend, source };
  });
}

export function capOf(policy, provider) {
  if (!policy) return "";
  const own = policy.maxShareByProvider && policy.maxShareByProvider[provider];
  return own ?? policy.maxShare ?? "";
}

export function shareRows(bundle) {
  const providers = (bundle.plan && bundle.plan.providers) || [];
  return providers.map((r) => ({
    provider: r.provider, year: Number(r.year), share: r.share, spend: r.spend,
    cap: capOf(bundle.policy, r.provider),
  }));
}

export function heatRows(bundle) {
  const placements = (bundle.plan && bundle.plan.placements) || [];
  const key = (r) => r.provider + "|" + r.month;
  const hours = sumBy(placements, key, (r) => r.gpuHours, MILLI);
  const cost = sumBy(placements, key, (r) => r.cost, CENTS);
  return [...hours.keys()].sort().map((k) => {
    const [provider, month] = k.split("|");
    return { provider, month, gpuHours: hours.get(k), cost: cost.get(k) };
  });
}

export function baselineRows(bundle) {
  const plan = bundle.plan;
  if (!plan) return [];
  const rows = [{ name: "plan", totalCost: plan.totalCost ?? "", feasible: plan.status !== "INFEASIBLE", note: "" }];
  if (plan.lowerBound) rows.push({ name: "lower bound", totalCost: plan.lowerBound, feasible: true, note: "" });
  for (const b of plan.baselines || []) {
    rows.push({ name: b.name, totalCost: b.totalCost ?? "", feasible: Boolean(b.feasible), note: b.note || "" });
  }
  return rows;
}

/**
 * Planned usage cost per month against billed cost per month (Σ over providers, from the ledger).
 * Months after the ledger's last month have no actual yet (empty), not an actual of zero.
 */
export function vsPlanRows(bundle) {
  const placements = (bundle.plan && bundle.plan.placements) || [];
  const planned = sumBy(placements, (r) => r.month, (r) => r.cost, CENTS);
  const spend = bundle.ledger && bundle.ledger.spend;
  const hasActual = Boolean(spend && spend.length > 0);
  const actual = hasActual ? sumBy(spend, (r) => r.month, (r) => r.billed, CENTS) : new Map();
  const months = sorted([...planned.keys(), ...actual.keys()]);
  const lastActual = hasActual ? sorted([...actual.keys()]).pop() : "";
  return months.map((month) => {
    const p = planned.get(month) || "0.00";
    if (!hasActual || month > lastActual) return { month, planned: p, actual: "", variance: "" };
    const a = actual.get(month) || "0.00";
    return { month, planned: p, actual: a, variance: minus(a, p) };
  });
}

// ---- DOM ---------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/** A table whose rows carry each figure as a data attribute and as text. */
function table(name, columns, rows) {
  const head = el("tr", {}, ...columns.map((c) => el("th", { scope: "col" }, c.label)));
  const body = rows.map((row) => {
    const tr = el("tr");
    for (const [k, v] of Object.entries(row)) tr.dataset[k] = String(v);
    for (const c of columns) tr.append(el("td", c.numeric ? { class: "num" } : {}, c.show(row)));
    return tr;
  });
  return el("table", { "data-table": name, class: "numbers" }, el("thead", {}, head), el("tbody", {}, ...body));
}

// The section joins the page before its chart is drawn: ECharts sizes itself from the element.
function panel(root, name, title, caption) {
  const chart = el("div", { class: "chart", role: "img", "aria-label": title });
  const section = el("section", { class: "panel", "data-panel": name },
    el("h2", {}, title), el("p", { class: "caption" }, caption), chart);
  root.append(section);
  return { section, chart };
}

const BASE = {
  animation: false,
  textStyle: { fontFamily: "system-ui, sans-serif" },
  grid: { left: 70, right: 20, top: 40, bottom: 60 },
  tooltip: { trigger: "axis" },
  legend: { top: 0, type: "scroll" },
};

function draw(charts, div, option) {
  const chart = globalThis.echarts.init(div, null, { renderer: "svg" });
  chart.setOption({ ...BASE, ...option });
  charts.push(chart);
}

const moneyAxis = { type: "value", axisLabel: { formatter: (v) => "$" + compact(v) } };

function summaryPanel(root, rows) {
  const { section, chart } = panel(root, "summary", "Plan summary", "Total cost and how close to optimal it is proven to be.");
  chart.remove();
  section.append(table("summary", [
    { label: "status", show: (r) => r.status },
    { label: "total cost", numeric: true, show: (r) => usd(r.totalCost) },
    { label: "lower bound", numeric: true, show: (r) => usd(r.lowerBound) },
    { label: "gap", numeric: true, show: (r) => pct(r.gap, 4) },
    { label: "solve (s)", numeric: true, show: (r) => r.solveSeconds },
  ], rows));
}

function burndownPanel(root, charts, rows, ledger) {
  const fromPlan = rows.length > 0 && rows[0].source === "plan";
  const projection = ledger && ledger.projection;
  const how = projection && projection.source === "plan"
    ? `projected as actuals plus the plan ${projection.plan} for the rest of each year`
    : "projected at the run rate (if spending stays at today's rate)";
  const { section, chart } = panel(root, "burndown", "Contract burn-down",
    fromPlan ? "Per committed-spend contract and contract year: the minimum, what the plan consumes (projected) and the shortfall paid anyway. No ledger rows yet, so nothing consumed."
      : `As of ${ledger.asOf} (charges through ${ledger.chargesThrough}), in ${ledger.currency}: per contract and contract year, committed, consumed so far, ${how}, the shortfall, and the true-up billed for it (never counted as consumption). A year not started owes none; a reservation is in GPU-hours.`);
  const labels = rows.map((r) => `${r.contract} y${r.year}`);
  const series = ["committed", "consumed", "projected", "shortfall"].map((f) => ({
    name: f, type: "bar", data: rows.map((r) => num(r[f])),
  })).filter((s) => s.data.some((v) => v !== null));
  draw(charts, chart, { xAxis: { type: "category", data: labels, axisLabel: { rotate: 30 } }, yAxis: moneyAxis, series });
  section.append(table("burndown", [
    { label: "contract", show: (r) => r.contract },
    { label: "year", numeric: true, show: (r) => String(r.year) },
    { label: "status", show: (r) => (r.status || "").replace("-", " ") },
    { label: "committed", numeric: true, show: (r) => usd(r.committed) },
    { label: "consumed", numeric: true, show: (r) => usd(r.consumed) },
    { label: "projected", numeric: true, show: (r) => usd(r.projected) },
    { label: "shortfall", numeric: true, show: (r) => usd(r.shortfall) },
    { label: "true-up", numeric: true, show: (r) => usd(r.trueUp) },
    { label: "settlement", show: (r) => (r.settlement || "").replaceAll("-", " ") },
    { label: "projected from", show: (r) => r.basis || "" },
    { label: "unit", show: (r) => (r.source === "plan" ? "USD" : r.unit) },
  ], rows));
}

function matchingPanel(root, rows, ledger) {
  if (rows.length === 0) return;
  const { section, chart } = panel(root, "matching", "Bills matched to contracts",
    "What each matching rule drew per contract (contract-applied: the provider's FOCUS 1.3 ContractApplied; ids: commitment or billing account ids; provider-name: the weakest rule), then by provider the on-demand usage outside every contract (the provider's own price) and what no contract claims (unmatched). Amounts in "
      + (ledger.currency || "USD") + " (a reservation in GPU-hours).");
  chart.remove();
  section.append(table("matching", [
    { label: "contract", show: (r) => r.contract },
    { label: "kind", show: (r) => r.kind },
    { label: "contract-applied", numeric: true, show: (r) => grouped(r.contractApplied) },
    { label: "ids", numeric: true, show: (r) => grouped(r.ids) },
    { label: "provider-name", numeric: true, show: (r) => grouped(r.providerName) },
    { label: "outside contracts", numeric: true, show: (r) => grouped(r.outside ?? "") },
    { label: "unmatched", numeric: true, show: (r) => grouped(r.unmatched ?? "") },
  ], rows));
  const conversions = ledger.conversions || [];
  if (conversions.length > 0) {
    section.append(table("conversions", [
      { label: "currency", show: (r) => r.currency },
      { label: "month", show: (r) => r.month },
      { label: "amount", numeric: true, show: (r) => grouped(r.amount) },
      { label: "rate", numeric: true, show: (r) => r.rate },
      { label: "converted", numeric: true, show: (r) => grouped(r.converted) },
    ], conversions));
  }
}

function spendPanel(root, charts, rows) {
  const fromPlan = rows.length === 0 || rows[0].source === "plan";
  const { section, chart } = panel(root, "spend", "Spend by provider and month",
    fromPlan ? "Planned usage cost (Σ placement cost) per provider and month, stacked."
      : "Billed cost from the ledger per provider and calendar month, stacked.");
  const months = sorted(rows.map((r) => r.month));
  const providers = sorted(rows.map((r) => r.provider));
  const at = new Map(rows.map((r) => [r.provider + "|" + r.month, num(r.spend)]));
  const series = providers.map((p) => ({
    name: p, type: "bar", stack: "spend", itemStyle: { color: colourOf(p) },
    data: months.map((m) => at.get(p + "|" + m) ?? 0),
  }));
  draw(charts, chart, { xAxis: { type: "category", data: months }, yAxis: moneyAxis, series });
  const details = el("details", {}, el("summary", {}, `${rows.length} provider-months`), table("spend", [
    { label: "provider", show: (r) => r.provider },
    { label: "month", show: (r) => r.month },
    { label: "spend", numeric: true, show: (r) => usd(r.spend) },
  ], rows));
  section.append(details);
}

function sharesPanel(root, charts, rows) {
  const { section, chart } = panel(root, "shares", "Provider share of spend against the policy cap",
    "Each provider's share of a plan year's spend (bars) and the diversification cap (red mark).");
  const providers = sorted(rows.map((r) => r.provider));
  const years = sorted(rows.map((r) => r.year));
  const at = new Map(rows.map((r) => [r.provider + "|" + r.year, Number(r.share) * 100]));
  const series = years.map((y) => ({
    name: String(y), type: "bar", data: providers.map((p) => at.get(p + "|" + y) ?? 0),
  }));
  const caps = providers.map((p) => {
    const row = rows.find((r) => r.provider === p);
    return row && row.cap !== "" ? Number(row.cap) * 100 : null;
  });
  series.push({ name: "cap", type: "scatter", symbol: "rect", symbolSize: [36, 4], itemStyle: { color: "#c0392b" }, data: caps, z: 5 });
  draw(charts, chart, {
    xAxis: { type: "category", data: providers },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series,
  });
  section.append(table("shares", [
    { label: "provider", show: (r) => r.provider },
    { label: "year", numeric: true, show: (r) => String(r.year) },
    { label: "spend", numeric: true, show: (r) => usd(r.spend) },
    { label: "share", numeric: true, show: (r) => pct(r.share) },
    { label: "cap", numeric: true, show: (r) => pct(r.cap) },
  ], rows));
}

function heatmapPanel(root, charts, rows) {
  const { section, chart } = panel(root, "heatmap", "Placements: GPU-hours by provider and month",
    "Where and when the plan runs: GPU-hours placed per provider and month (all accelerators).");
  const months = sorted(rows.map((r) => r.month));
  const providers = sorted(rows.map((r) => r.provider));
  const data = rows.map((r) => [months.indexOf(r.month), providers.indexOf(r.provider), num(r.gpuHours)]);
  const max = Math.max(1, ...data.map((d) => d[2]));
  draw(charts, chart, {
    legend: { show: false },
    tooltip: { position: "top", formatter: (p) => `${escapeHtml(providers[p.value[1]])} ${escapeHtml(months[p.value[0]])}: ${compact(p.value[2])} GPU-h` },
    grid: { left: 90, right: 20, top: 20, bottom: 90 },
    xAxis: { type: "category", data: months, splitArea: { show: true } },
    yAxis: { type: "category", data: providers, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, inRange: { color: ["#f7fbff", "#6baed6", "#08306b"] }, orient: "horizontal", left: "center", bottom: 0,
      formatter: (v) => compact(Math.round(v)) },
    series: [{ name: "GPU-hours", type: "heatmap", data, emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } } }],
  });
  const details = el("details", {}, el("summary", {}, `${rows.length} provider-months`), table("heatmap", [
    { label: "provider", show: (r) => r.provider },
    { label: "month", show: (r) => r.month },
    { label: "GPU-hours", numeric: true, show: (r) => grouped(r.gpuHours) },
    { label: "cost", numeric: true, show: (r) => usd(r.cost) },
  ], rows));
  section.append(details);
}

function baselinesPanel(root, charts, rows) {
  const { section, chart } = panel(root, "baselines", "Plan against baselines",
    "Total cost of the plan, its proven lower bound and the naive baselines, priced the same way.");
  draw(charts, chart, {
    legend: { show: false },
    tooltip: { trigger: "item" },
    grid: { left: 140, right: 30, top: 10, bottom: 40 },
    xAxis: moneyAxis,
    yAxis: { type: "category", data: rows.map((r) => r.name), inverse: true },
    // a baseline that breaks a constraint (say the share cap) is drawn grey: not a real option
    series: [{ type: "bar", name: "total cost",
      data: rows.map((r) => ({ value: num(r.totalCost), itemStyle: r.feasible ? {} : { color: "#b8bec6" } })),
      label: { show: true, position: "insideRight",
        formatter: (p) => "$" + compact(p.value) + (rows[p.dataIndex].feasible ? "" : " (infeasible)") } }],
  });
  section.append(table("baselines", [
    { label: "", show: (r) => r.name },
    { label: "total cost", numeric: true, show: (r) => usd(r.totalCost) },
    { label: "", show: (r) => (r.feasible ? "" : "infeasible" + (r.note ? ": " + r.note : "")) },
  ], rows));
}

function vsPlanPanel(root, charts, rows) {
  const hasActual = rows.some((r) => r.actual !== "");
  const { section, chart } = panel(root, "vsplan", "Plan against actual",
    hasActual ? "Planned usage cost against billed cost per month, all providers."
      : "Planned usage cost per month; no ledger rows ingested yet, so no actual.");
  draw(charts, chart, {
    xAxis: { type: "category", data: rows.map((r) => r.month) },
    yAxis: moneyAxis,
    series: [
      { name: "planned", type: "bar", data: rows.map((r) => num(r.planned)) },
      ...(hasActual ? [{ name: "actual", type: "bar", data: rows.map((r) => num(r.actual)) },
        { name: "variance", type: "line", data: rows.map((r) => num(r.variance)) }] : []),
    ],
  });
  const details = el("details", {}, el("summary", {}, `${rows.length} months`), table("vsplan", [
    { label: "month", show: (r) => r.month },
    { label: "planned", numeric: true, show: (r) => usd(r.planned) },
    { label: "actual", numeric: true, show: (r) => usd(r.actual) },
    { label: "variance", numeric: true, show: (r) => usd(r.variance) },
  ], rows));
  section.append(details);
}

/**
 * The fan of each calendar year's cost over the sampled futures (docs/risk-json.md, years[]): the
 * quantiles P5, P25, P50, P75, P95, the mean with its standard error, and the year as written.
 */
export function fanRows(bundle) {
  const years = (bundle.risk && bundle.risk.years) || [];
  return years.map((y) => {
    const q = Object.fromEntries((y.quantiles || []).map((e) => [e.p, e.value]));
    return {
      year: String(y.year), asWritten: y.asWritten, mean: y.mean.value, meanError: y.mean.standardError,
      p05: q["0.05"] ?? "", p25: q["0.25"] ?? "", p50: q["0.50"] ?? "", p75: q["0.75"] ?? "", p95: q["0.95"] ?? "",
    };
  });
}

/** Per take-or-pay contract year, the probability of a shortfall and its mean (docs/risk-json.md). */
export function shortfallRiskRows(bundle) {
  const years = (bundle.risk && bundle.risk.contractYears) || [];
  // the risk JSON counts contract years from 0, as the plan JSON; people count from 1
  return years.map((y) => ({
    contract: y.contract, year: String(Number(y.year) + 1),
    probability: y.shortfallProbability.value, probabilityError: y.shortfallProbability.standardError,
    expected: y.expectedShortfall.value, expectedError: y.expectedShortfall.standardError,
    p95: y.p95Shortfall,
  }));
}

/** Per provider, the extra cost of losing it from the middle of the horizon (concentration JSON). */
export function concentrationRows(bundle) {
  const rows = (bundle.concentration && bundle.concentration.providers) || [];
  return rows.map((r) => ({
    provider: r.provider, from: r.from, extraCost: r.extraCost, shortfallChange: r.shortfallChange,
    unmetCost: r.unmetCost, margin: r.margin,
  }));
}

function fanPanel(root, charts, rows, risk) {
  const { section, chart } = panel(root, "fan", "Cost per year over the sampled futures",
    `${risk.futures} futures (seed ${risk.seed}, policy ${risk.policy}), in ${risk.currency}: the middle half of the futures `
      + "cost inside the dark band, nine in ten inside the light one; the line is the median, the dashes the scenario as written. "
      + `Mean total ${usd(risk.cost.mean.value)} ± ${se(risk.cost.mean.standardError, usd)} (one standard error${risk.cost.mean.standardError === null ? ", not estimable from one future" : ""}); `
      + `probability that some demand goes unmet ${pct(risk.breach.value)}`
      + (risk.unmetPenaltyPerGpuHour ? `, priced at ${risk.unmetPenaltyPerGpuHour} ${risk.currency} per reference GPU-hour in every figure (an assumption of what unserved work is worth, not a bill).` : ".")
      + (risk.cost.meanBilled && risk.cost.meanUnmetPenalty
        ? ` Of the mean, billed ${usd(risk.cost.meanBilled.value)} ± ${usd(risk.cost.meanBilled.standardError)}, unmet demand at the penalty ${usd(risk.cost.meanUnmetPenalty.value)} ± ${usd(risk.cost.meanUnmetPenalty.standardError)}.`
        : "")
  );
  const years = rows.map((r) => r.year);
  const n = (f) => rows.map((r) => num(r[f]));
  const diff = (a, b) => rows.map((r) => num(r[a]) - num(r[b]));
  // stacked areas: an invisible base at P5, then P5..P25, P25..P75, P75..P95
  const band = (name, data, color) => ({ name, type: "line", stack: "fan", symbol: "none", data,
    itemStyle: { color: color || "transparent" }, lineStyle: { opacity: 0 },
    areaStyle: color ? { color } : { opacity: 0 }, tooltip: { show: false } });
  draw(charts, chart, {
    legend: { top: 0, data: ["P5-P25", "P25-P75", "P75-P95", "median", "as written"] },
    tooltip: { trigger: "axis", formatter: (ps) => {
      const r = rows[ps[0].dataIndex];
      return `${escapeHtml(r.year)}<br>P5 ${usd(r.p05)}<br>P25 ${usd(r.p25)}<br>median ${usd(r.p50)}`
        + `<br>P75 ${usd(r.p75)}<br>P95 ${usd(r.p95)}<br>as written ${usd(r.asWritten)}`;
    } },
    // one year has no band to draw: its points stand in the middle of the axis
    xAxis: { type: "category", data: years, boundaryGap: years.length === 1 },
    yAxis: moneyAxis,
    series: [
      band("base", n("p05"), null),
      band("P5-P25", diff("p25", "p05"), "#c6dbef"),
      band("P25-P75", diff("p75", "p25"), "#6baed6"),
      band("P75-P95", diff("p95", "p75"), "#c6dbef"),
      { name: "median", type: "line", data: n("p50"), symbol: "circle", symbolSize: 8,
        itemStyle: { color: "#08306b" }, lineStyle: { color: "#08306b" } },
      { name: "as written", type: "line", data: n("asWritten"), symbol: "diamond", symbolSize: 8,
        itemStyle: { color: "#c0392b" }, lineStyle: { type: "dashed", color: "#c0392b" } },
      // one year: P5 and P95 as a whisker, the bands being areas between years
      ...(years.length === 1 ? [{ name: "P5-P95", type: "scatter", symbol: "rect", symbolSize: [24, 3],
        itemStyle: { color: "#6baed6" }, data: [num(rows[0].p05), num(rows[0].p95)].map((v) => [0, v]) }] : []),
    ],
  });
  section.append(table("fan", [
    { label: "year", show: (r) => r.year },
    { label: "as written", numeric: true, show: (r) => usd(r.asWritten) },
    { label: "mean", numeric: true, show: (r) => usd(r.mean) },
    { label: "± s.e.", numeric: true, show: (r) => se(r.meanError, usd) },
    { label: "P5", numeric: true, show: (r) => usd(r.p05) },
    { label: "P25", numeric: true, show: (r) => usd(r.p25) },
    { label: "median", numeric: true, show: (r) => usd(r.p50) },
    { label: "P75", numeric: true, show: (r) => usd(r.p75) },
    { label: "P95", numeric: true, show: (r) => usd(r.p95) },
  ], rows));
}

function shortfallRiskPanel(root, charts, rows) {
  if (rows.length === 0) return;
  const { section, chart } = panel(root, "shortfallrisk", "Probability of paying for compute not used",
    "Per take-or-pay contract year: the share of the sampled futures in which consumption falls below the minimum "
      + "(a shortfall, paid anyway), with one standard error, the mean shortfall over all futures and its P95.");
  draw(charts, chart, {
    tooltip: { trigger: "item" },
    xAxis: { type: "category", data: rows.map((r) => `${r.contract} y${r.year}`), axisLabel: { rotate: 30 } },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [{ name: "P(shortfall)", type: "bar", data: rows.map((r) => Number(r.probability) * 100) }],
  });
  section.append(table("shortfallrisk", [
    { label: "contract", show: (r) => r.contract },
    { label: "year", numeric: true, show: (r) => r.year },
    { label: "P(shortfall)", numeric: true, show: (r) => pct(r.probability, 1) },
    { label: "± s.e.", numeric: true, show: (r) => se(r.probabilityError, (t) => pct(t, 1)) },
    { label: "mean shortfall", numeric: true, show: (r) => usd(r.expected) },
    { label: "± s.e.", numeric: true, show: (r) => se(r.expectedError, usd) },
    { label: "P95 shortfall", numeric: true, show: (r) => usd(r.p95) },
  ], rows));
}

function concentrationPanel(root, charts, rows, concentration) {
  if (rows.length === 0) return;
  const { section, chart } = panel(root, "concentration", "What losing each provider would cost",
    `Each provider lost from ${concentration.from} (the middle of the horizon), the rest re-planned: the extra cost against the plan, `
      + "in which the unmet demand (at the penalty) and the change of the take-or-pay shortfall are included. "
      + "The margin is how far each re-plan is proven from the best plan of its future.");
  draw(charts, chart, {
    legend: { show: false },
    tooltip: { trigger: "item" },
    grid: { left: 90, right: 30, top: 10, bottom: 40 },
    xAxis: moneyAxis,
    yAxis: { type: "category", data: rows.map((r) => r.provider), inverse: true },
    series: [{ type: "bar", name: "extra cost", data: rows.map((r) => num(r.extraCost)),
      label: { show: true, position: "right", formatter: (p) => "$" + compact(p.value) } }],
  });
  section.append(table("concentration", [
    { label: "provider", show: (r) => r.provider },
    { label: "lost from", show: (r) => r.from },
    { label: "extra cost", numeric: true, show: (r) => usd(r.extraCost) },
    { label: "shortfall change", numeric: true, show: (r) => usd(r.shortfallChange) },
    { label: "unmet cost", numeric: true, show: (r) => usd(r.unmetCost) },
    { label: "margin", numeric: true, show: (r) => usd(r.margin) },
  ], rows));
}

/** Draws every panel of a bundle into root, replacing what was there. Returns the charts. */
export function renderBundle(root, bundle) {
  for (const old of root.__nuageCharts || []) old.dispose();
  root.replaceChildren();
  const charts = [];
  if (!bundle.plan) {
    if (!bundle.risk) root.append(el("p", { class: "empty" }, "No plan yet."));
  } else if (bundle.plan.status === "INFEASIBLE") {
    const list = el("ul", { "data-table": "infeasibility" }, ...(bundle.plan.infeasibility || []).map((i) =>
      el("li", { "data-kind": i.kind }, `${i.kind}${i.workload ? " (" + i.workload + ")" : ""}: ${i.message}`)));
    root.append(el("section", { class: "panel", "data-panel": "infeasible" }, el("h2", {}, "No feasible plan"), list));
  } else {
    summaryPanel(root, summaryRows(bundle));
    baselinesPanel(root, charts, baselineRows(bundle));
    burndownPanel(root, charts, burndownRows(bundle), bundle.ledger);
    matchingPanel(root, matchingRows(bundle), bundle.ledger);
    sharesPanel(root, charts, shareRows(bundle));
    spendPanel(root, charts, spendRows(bundle));
    heatmapPanel(root, charts, heatRows(bundle));
    vsPlanPanel(root, charts, vsPlanRows(bundle));
  }
  // the risk figures stand on their own: a risk run re-plans every future itself
  if (bundle.risk) {
    fanPanel(root, charts, fanRows(bundle), bundle.risk);
    shortfallRiskPanel(root, charts, shortfallRiskRows(bundle));
  }
  if (bundle.concentration) concentrationPanel(root, charts, concentrationRows(bundle), bundle.concentration);
  root.__nuageCharts = charts;
  root.dataset.rendered = String(Date.now());
  return charts;
}

let resizing = false;
globalThis.addEventListener?.("resize", () => {
  if (resizing) return;
  resizing = true;
  requestAnimationFrame(() => {
    resizing = false;
    for (const root of document.querySelectorAll("[data-rendered]")) {
      for (const c of root.__nuageCharts || []) c.resize();
    }
  });
});

