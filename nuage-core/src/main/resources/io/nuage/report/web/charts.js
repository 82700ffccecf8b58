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

// The currency of every figure: the scenario's, as the ledger's (or the commitments') JSON says.
const SYMBOLS = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };
const NAMES = { USD: "US dollars", EUR: "euros", GBP: "pounds sterling", JPY: "yen", CHF: "Swiss francs" };
let currency = "USD";
/** The symbol money is written with: "$" for USD, "€" for EUR, else the ISO code and a space. */
export const currencySymbol = () => SYMBOLS[currency] ?? currency + " ";
/** The currency's name in words, for captions: "US dollars", "euros". */
export const currencyName = () => NAMES[currency] ?? currency;
/** Sets the currency from a bundle's draw-down JSON (ledger, else commitments); USD when neither says. */
export function useCurrencyOf(bundle) {
  const code = (bundle.ledger && bundle.ledger.currency) || (bundle.commitments && bundle.commitments.currency) || (bundle.plan && bundle.plan.currency);
  currency = typeof code === "string" && /^[A-Z]{3}$/.test(code) ? code : "USD";
  return currency;
}

export const usd = (text) => {
  if (text === "" || text === null || text === undefined) return "—";
  const g = grouped(text);
  return g.startsWith("-") ? "-" + currencySymbol() + g.slice(1) : currencySymbol() + g;
};
// a standard error the futures cannot estimate is null in the risk JSON (one future, a tail of one)
const se = (text, show) => (text === null ? "n/a" : show(text));
const num = (text) => (text === "" || text === null || text === undefined ? null : Number(text));
const pct = (text, digits = 2) => (text === "" || text === null || text === undefined ? "—" : (Number(text) * 100).toFixed(digits) + "%");
// ECharts renders a custom tooltip formatter's string as HTML: text from the data goes in escaped
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A number of dollars with cents, for tooltips: "$1,234.50" (display only; tables are exact). */
const dollars = (v) => (v === null || v === undefined || Number.isNaN(Number(v)) ? "—"
  : (Number(v) < 0 ? "-" : "") + currencySymbol() + Math.abs(Number(v)).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** Compact money for headlines, "$381.2B", from an exact decimal string; the exact figure goes in a title. */
export function compactUsd(text) {
  if (text === null || text === undefined || text === "") return "—";
  const v = Number(text);
  const shown = scaled(Math.abs(v), 1);
  return shown === null ? usd(text) : (v < 0 ? "-" : "") + currencySymbol() + shown;
}

// thousands, millions, billions, trillions and the decimals each is shown with
const TIERS = [[1e3, "k"], [1e6, "M"], [1e9, "B"], [1e12, "T", 2]];

/**
 * a (≥ 0) in the largest tier it reaches, with digits decimals (the trillions two); a figure that
 * rounds up to 1000 of its tier is said in the next ("$1.0B", never "$1000.0M"). Null below 1000.
 */
function scaled(a, digits) {
  let i = TIERS.findLastIndex(([unit]) => a >= unit);
  if (i < 0) {
    // 999.96 in thousands still reads as under a thousand: said exactly by the caller
    return null;
  }
  for (;;) {
    const [unit, suffix, own] = TIERS[i];
    const text = (a / unit).toFixed(own ?? digits);
    if (Number(text) < 1000 || i === TIERS.length - 1) return text + suffix;
    i += 1;
  }
}

const compact = (v) => {
  const shown = scaled(Math.abs(v), 1);
  return shown === null ? String(v) : (v < 0 ? "-" : "") + shown;
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
// No provider takes a warm red or orange: those mean shortfall and the cap everywhere.
const PALETTE = ["#4e79a7", "#9c755f", "#59a14f", "#17a2b8", "#b07aa1", "#d4b000", "#76b7b2", "#ff9da7", "#8c8c8c", "#6f42c1"];
const KNOWN = { oci: 0, aws: 1, gcp: 2, azure: 3, coreweave: 4, lambda: 5, nebius: 6, runpod: 7, vast: 8 };

/** The meaning of a colour is the same in every panel, light or dark. */
export const SEMANTIC = {
  committed: "#7a8591", // the minimum owed: neutral
  planned: "#8fa8e6", // the plan and its projections: light indigo (dashed where it is a projection)
  actual: "#2f4fb5", // what was billed: dark indigo, planned's pair
  shortfall: "#e8590c", // paid for nothing: always this warm orange
  cap: "#c92a2a", // the diversification cap and a provider at it
  saving: "#2b8a3e", // money the plan saves
  futures: "#0b7285", // an estimate over sampled futures (median, expected cost) and its bands
  tail: "#862e9c", // a tail measure (CVaR95): its own colour, never the shortfall's nor a provider's
};
/**
 * The ink of the page, for a reference drawn against the figures (the variance, the scenario as
 * written, a deal not signed): it carries no meaning of its own, unlike the colours above.
 */
const ink = () => (isDark() ? "#e3e8ee" : "#1d2630");
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
  // a reservation's figures are GPU-hours (unit). Each year's shortfall is max(0, committed −
  // projected), a year not started included (its projectedShortfall is null in the JSON): the
  // headline counts it so, and the burn-down must say what the headline says
  const drawdown = ledger.flatMap((c) => (c.years || []).map((y) => ({
    contract: c.contract, year: Number(y.year), committed: y.committed, consumed: y.consumed,
    projected: y.projected, shortfall: yearShortfall(y),
    source: "ledger",
    // a take-or-pay true-up is the shortfall billed, never consumption; settlement: closed years only
    trueUp: y.trueUp ?? "", settlement: y.settlement ?? "",
    status: y.status ?? "", basis: y.projectionSource ?? "", unit: c.unit ?? "USD", kind: c.kind ?? "",
    from: y.from ?? "", pricePerUnit: c.pricePerUnit ?? "",
  }))).map(inMoney((bundle.ledger && bundle.ledger.currency) || "USD"));
  if (drawdown.length > 0) return drawdown;
  const contracts = (bundle.plan && bundle.plan.contracts) || [];
  // each year's first month, from the commitments, so that every contract's axis says "Y1 2027"
  const firstDay = new Map(((bundle.commitments && bundle.commitments.contracts) || [])
    .flatMap((c) => (c.years || []).map((y) => [c.contract + "|" + Number(y.year), y.from ?? ""])));
  // The plan's contract years are 0-based; people (and the ledger) count from 1.
  const planned = contracts.map((r) => ({
    contract: r.contract, year: Number(r.year) + 1, committed: r.committed, consumed: "",
    projected: r.consumed, shortfall: r.shortfall, source: "plan", kind: "committed-spend", unit: "USD",
    from: firstDay.get(r.contract + "|" + (Number(r.year) + 1)) ?? "",
  }));
  // reservations and storage are not in the plan's contracts[]: their minimums and what the plan
  // uses of them come from the draw-down of an empty ledger projected with the plan
  const others = ((bundle.commitments && bundle.commitments.contracts) || [])
    .filter((c) => c.kind === "reserved-capacity" || c.kind === "storage-commitment")
    .flatMap((c) => (c.years || []).map((y) => ({
      contract: c.contract, year: Number(y.year), committed: y.committed, consumed: "",
      projected: y.projected ?? "", shortfall: yearShortfall(y), source: "commitments",
      kind: c.kind, unit: c.unit ?? "USD", from: y.from ?? "", pricePerUnit: c.pricePerUnit ?? "",
    })));
  return [...planned, ...others].map(inMoney((bundle.commitments && bundle.commitments.currency) || "USD"));
}

/**
 * A burn-down row with its minimum and shortfall in money beside its own unit (a reservation's
 * GPU-hours at its pricePerUnit), so that the CSV's money columns add up to the headline's.
 */
function inMoney(code) {
  return (r) => {
    const price = (r.unit || code) === code ? "1" : r.pricePerUnit;
    const money = (v) => (v === "" || v === null || v === undefined || price === "" || price === undefined ? "" : times(v, price));
    return { ...r, committedMoney: money(r.committed), shortfallMoney: money(r.shortfall) };
  };
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
  // with bills, what `nuage ledger vs-plan` compares: everything the plan bills (usage, reservation
  // fees, storage, egress, true-ups) against the bills, up to their end; placements alone are usage
  const compared = bundle.ledger && bundle.ledger.vsPlan && bundle.ledger.vsPlan.planVsActual;
  if (compared && compared.length > 0) {
    const planned = sumBy(compared, (r) => r.month, (r) => r.plannedSpend, CENTS);
    const actual = sumBy(compared, (r) => r.month, (r) => r.actualSpend, CENTS);
    const partial = new Set(compared.filter((r) => r.partial).map((r) => r.month));
    return sorted([...planned.keys()]).map((month) => ({ month, planned: planned.get(month), actual: actual.get(month),
      variance: minus(actual.get(month), planned.get(month)), basis: "all-billed", partial: partial.has(month) ? "partial" : "" }));
  }
  const placements = (bundle.plan && bundle.plan.placements) || [];
  const planned = sumBy(placements, (r) => r.month, (r) => r.cost, CENTS);
  const spend = bundle.ledger && bundle.ledger.spend;
  const hasActual = Boolean(spend && spend.length > 0);
  const actual = hasActual ? sumBy(spend, (r) => r.month, (r) => r.billed, CENTS) : new Map();
  const months = sorted([...planned.keys(), ...actual.keys()]);
  const lastActual = hasActual ? sorted([...actual.keys()]).pop() : "";
  // a re-plan decides nothing before its first open month: those months are the bills themselves,
  // with no plan of the re-plan's to compare them with (not a plan of $0)
  const firstOpen = (bundle.plan && bundle.plan.fixedPast && bundle.plan.fixedPast.firstOpenMonth) || "";
  return months.map((month) => {
    if (month < firstOpen) {
      return { month, planned: "", actual: actual.get(month) || "", variance: "", basis: "billed before the re-plan" };
    }
    const p = planned.get(month) || "0.00";
    if (!hasActual || month > lastActual) return { month, planned: p, actual: "", variance: "" };
    const a = actual.get(month) || "0.00";
    return { month, planned: p, actual: a, variance: minus(a, p) };
  });
}


/** Exact sum of decimal strings (empty and null skipped), with at least two decimals. */
export function sumOf(values) {
  const present = values.filter((v) => v !== null && v !== undefined && v !== "");
  const scale = present.reduce((s, v) => Math.max(s, decimals(v)), CENTS);
  return fromUnits(present.reduce((t, v) => t + toUnits(v, scale), 0n), scale);
}

/** 100 x part / whole to two decimals (half away from zero), exactly; "" when whole is zero. */
export function percentOf(part, whole) {
  const scale = Math.max(decimals(part), decimals(whole), CENTS);
  const p = toUnits(part, scale);
  const w = toUnits(whole, scale);
  if (w === 0n) return "";
  const scaled = p * 100000n / w; // 100 x 10^3: one digit more than shown, for the rounding
  const rounded = (scaled < 0n ? scaled - 5n : scaled + 5n) / 10n;
  return fromUnits(rounded, 2);
}

/** a >= b for decimal strings, exactly. */
const atLeast = (a, b) => {
  const scale = Math.max(decimals(a), decimals(b));
  return toUnits(a, scale) >= toUnits(b, scale);
};

/** A contract's commitment in money: a reservation's committed figure is GPU-hours, its cost is money. */
const committedMoney = (c) => (c.committedCost !== undefined && c.committedCost !== null ? c.committedCost : c.committed);

/**
 * A contract's projected shortfall per contract year, max(0, committed − projected), only the years
 * short: the contract-level projectedShortfall nets the years and leaves out those not started.
 */
export function yearShortfalls(c) {
  const out = [];
  for (const y of c.years || []) {
    const short = yearShortfall(y);
    if (short !== "" && toUnits(short, decimals(short)) > 0n) out.push({ year: Number(y.year), amount: short });
  }
  return out;
}

/**
 * One draw-down year's projected shortfall, max(0, committed − projected), in the contract's unit:
 * "0.00" when the year is projected to meet its minimum, "" when it has no projection.
 */
export function yearShortfall(y) {
  if (y.projected === null || y.projected === undefined || y.projected === "" || y.committed === null || y.committed === undefined) return "";
  const short = minus(y.committed, y.projected);
  return toUnits(short, decimals(short)) > 0n ? short : fromUnits(0n, decimals(short));
}

/** Σ over a draw-down's reservations and storage commitments of what is left unused, in money. */
function unusedOf(book) {
  const unused = (book.contracts || []).filter((c) => c.shortfallKind === "unused");
  return sumOf(unused.map((c) => unusedMoney(c, book.currency || "USD")).filter((v) => v !== null));
}

/** a × b for decimal strings, exactly (the scale is the sum of theirs). */
export function times(a, b) {
  const sa = decimals(a);
  const sb = decimals(b);
  return fromUnits(toUnits(a, sa) * toUnits(b, sb), sa + sb);
}

/**
 * What a reservation or storage commitment is projected to leave unused, in money: per contract
 * year max(0, committed − projected), a reservation's GPU-hours at its pricePerUnit. Null for a
 * contract in another unit without a price.
 */
export function unusedMoney(c, currencyCode) {
  const perUnit = c.unit === undefined || c.unit === currencyCode ? "1" : c.pricePerUnit;
  if (perUnit === undefined || perUnit === null) return null;
  return sumOf(yearShortfalls(c).map((y) => times(y.amount, perUnit)));
}

/**
 * The five answers of the headline band (docs/dashboard.md, "The headline band"), each an exact
 * decimal string or a list, read from the same JSON the API serves: committed (every contract kind),
 * planned spend, projected shortfall (as of the ledger's date when bills exist), providers at or
 * above their cap, the saving against each baseline, and the three most valuable levers.
 */
export function headlineFigures(bundle) {
  const plan = bundle.plan;
  const ledger = hasLedger(bundle) ? bundle.ledger : null;
  const book = ledger || bundle.commitments;
  const figures = { mode: ledger ? "ledger" : "plan", asOf: ledger ? ledger.asOf : "", chargesThrough: ledger ? ledger.chargesThrough : "",
    projection: ledger && ledger.projection ? ledger.projection.source : "plan" };
  // committed: every contract's minimums over its term (a reservation's fees, a storage commitment's)
  if (book) {
    const parts = (book.contracts || []).map((c) => ({ contract: c.contract, kind: c.kind, amount: committedMoney(c) }));
    figures.committed = { value: sumOf(parts.map((p) => p.amount)), parts: parts.filter((p) => p.amount && toUnits(p.amount, 2) !== 0n), source: ledger ? "ledger" : "commitments" };
  } else if (plan && plan.contracts) {
    const parts = plan.contracts.map((c) => ({ contract: c.contract, kind: "committed-spend", amount: c.committed }));
    figures.committed = { value: sumOf(parts.map((p) => p.amount)), parts, source: "plan" };
  }
  figures.planned = plan && plan.totalCost ? plan.totalCost : "";
  // projected shortfall: the take-or-pay true-ups owed. The plan JSON already counts a minimum met
  // before the rounding of costs to the cent as met (docs/plan-json.md, contracts[]): no $0.01.
  if (ledger) {
    // each contract year owes its own minimum: a year over it does not pay for a year under it,
    // and a year not started yet is projected too (its projectedShortfall is null in the JSON)
    const owed = (ledger.contracts || []).filter((c) => c.shortfallKind === "true-up");
    const parts = owed.flatMap((c) => yearShortfalls(c).map((y) => ({ contract: c.contract, year: y.year, amount: y.amount })));
    figures.shortfall = { value: sumOf(parts.map((p) => p.amount)), parts };
    // reservations and storage owe nothing more, but a minimum not used was paid for nothing
    figures.shortfall.unused = unusedOf(ledger);
  } else if (plan && plan.contracts) {
    const owed = plan.contracts.filter((c) => c.takeOrPay);
    figures.shortfall = { value: sumOf(owed.map((c) => c.shortfall)),
      parts: owed.filter((c) => toUnits(c.shortfall, 2) !== 0n).map((c) => ({ contract: c.contract, year: Number(c.year) + 1, amount: c.shortfall })) };
    // reservations and storage are paid whether used or not: what the plan leaves of them unused
    if (bundle.commitments) figures.shortfall.unused = unusedOf(bundle.commitments);
  }
  if (figures.shortfall && bundle.risk && (bundle.risk.contractYears || []).length > 0) {
    const worst = [...bundle.risk.contractYears].sort((a, b) => Number(b.shortfallProbability.value) - Number(a.shortfallProbability.value))[0];
    figures.shortfall.risk = { contract: worst.contract, year: Number(worst.year) + 1, probability: worst.shortfallProbability.value, futures: bundle.risk.futures };
  }
  // providers at or above their cap: planned shares, and billed ones once bills exist
  const atCap = shareRows(bundle).filter((r) => r.cap !== "" && atLeast(r.share, r.cap)).map((r) => ({ ...r, source: "plan" }));
  if (ledger) {
    for (const s of ledger.shares || []) {
      if (s.cap && (s.over || atLeast(s.share, s.cap))) atCap.push({ provider: s.provider, year: Number(s.year), share: s.share, cap: s.cap, source: "actual" });
    }
  }
  figures.atCap = atCap;
  figures.savings = plan && plan.totalCost ? (plan.baselines || []).filter((b) => b.totalCost).map((b) => {
    const saving = minus(b.totalCost, plan.totalCost);
    return { name: b.name, baseline: b.totalCost, saving, percent: percentOf(saving, b.totalCost), feasible: Boolean(b.feasible) };
  }) : [];
  figures.levers = leversByKind((plan && plan.binding) || []).map((b) => ({ constraint: b.constraint, shadowPrice: b.shadowPrice, explanation: b.explanation }));
  return figures;
}

/**
 * The most valuable lever of each kind (a share cap, a capacity, a contract minimum), kinds in the
 * order their first lever comes in the plan's binding list, at most three. Shadow prices of
 * different kinds are in different units ($ per share point, per GPU-month, per $ of minimum):
 * ranking them against each other put "$1.9M per point" above "$1.11 per $1", which says nothing.
 */
export function leversByKind(binding) {
  const best = new Map();
  for (const b of binding) {
    const kind = (/^(\w+)\[/.exec(b.constraint || "") || [null, b.constraint])[1];
    const held = best.get(kind);
    if (!held || atLeast(b.shadowPrice, held.shadowPrice) && !atLeast(held.shadowPrice, b.shadowPrice)) best.set(kind, b);
  }
  return [...best.values()].slice(0, 3);
}

/** The deal's answers per size, then not signing (docs/deal-json.md). */
export function dealRows(bundle) {
  const deal = bundle.deal;
  if (!deal) return [];
  const v = (e) => (e ? e.value : "");
  const s = (e) => (e ? e.standardError : "");
  return [...(deal.sizes || []), deal.notSigned].filter(Boolean).map((z) => ({
    label: z.label, scale: z.scale ?? "", commitment: z.commitment, discount: z.discount ?? "",
    meanCost: v(z.meanCost), meanCostError: s(z.meanCost), cvar95: v(z.cvar95), cvar95Error: s(z.cvar95),
    saving: v(z.saving), shortfallProbability: v(z.shortfallProbability),
  }));
}
// ---- theme: light, dark (prefers-color-scheme unless the toggle chose), the same meanings -------

const THEME_KEY = "nuage.theme";

function isDark() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen) return chosen === "dark";
  return Boolean(globalThis.matchMedia && globalThis.matchMedia("(prefers-color-scheme: dark)").matches);
}

function themeOf(dark) {
  const ink = dark ? "#e3e8ee" : "#1d2630";
  const muted = dark ? "#9aa6b2" : "#5b6673";
  const rule = dark ? "#333c46" : "#e3e7eb";
  const axis = { axisLine: { lineStyle: { color: muted } }, axisTick: { lineStyle: { color: muted } },
    axisLabel: { color: muted }, splitLine: { lineStyle: { color: [rule] } }, nameTextStyle: { color: muted } };
  return {
    backgroundColor: "transparent", textStyle: { color: ink }, legend: { textStyle: { color: ink }, pageTextStyle: { color: ink } },
    tooltip: { backgroundColor: dark ? "#222a33" : "#fff", borderColor: rule, textStyle: { color: ink } },
    categoryAxis: axis, valueAxis: axis, timeAxis: axis, logAxis: axis,
    visualMap: { textStyle: { color: ink } },
  };
}

let themesRegistered = false;
function themeName() {
  if (!themesRegistered) {
    globalThis.echarts.registerTheme("nuage-light", themeOf(false));
    globalThis.echarts.registerTheme("nuage-dark", themeOf(true));
    themesRegistered = true;
  }
  return isDark() ? "nuage-dark" : "nuage-light";
}

function redrawAll() {
  for (const root of document.querySelectorAll("[data-rendered]")) {
    if (root.__nuageBundle) renderBundle(root, root.__nuageBundle);
  }
}

/** Makes button switch light and dark (remembered in localStorage); follows the system until then. */
export function installThemeToggle(button) {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === "dark" || saved === "light") document.documentElement.dataset.theme = saved;
  } catch (e) {
    // a file opened with storage disabled: the system's choice stands
  }
  const label = () => {
    button.textContent = isDark() ? "Light mode" : "Dark mode";
    button.setAttribute("aria-pressed", String(isDark()));
  };
  label();
  button.addEventListener("click", () => {
    const next = isDark() ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch (e) {
      // not remembered, still switched
    }
    label();
    redrawAll();
  });
  globalThis.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => {
    label();
    redrawAll();
  });
}

// ---- DOM ---------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/**
 * CSV of rows: one column per field, the exact figures as the JSON has them (no $, no grouping).
 * A text cell a spreadsheet would run as a formula is prefixed with a quote.
 */
export function toCsv(rows) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))]
    .filter((k) => rows.every((r) => r[k] === null || r[k] === undefined || typeof r[k] !== "object"));
  const cell = (v) => {
    let t = v === null || v === undefined ? "" : String(v);
    if (/^[=+@]/.test(t) || (/^-/.test(t) && !/^-\d+(\.\d+)?$/.test(t))) t = "'" + t;
    return /[",\r\n]/.test(t) ? '"' + t.replaceAll('"', '""') + '"' : t;
  };
  return [keys.map(cell).join(","), ...rows.map((r) => keys.map((k) => cell(r[k])).join(","))].join("\r\n") + "\r\n";
}

function csvButton(name, rows) {
  const button = el("button", { type: "button", class: "csv", "data-csv": name, "aria-label": `Download the figures of ${name} as CSV` }, "CSV");
  button.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: "text/csv" }));
    const a = el("a", { href: url, download: `nuage-${name}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  return button;
}

/** A table whose rows carry each figure as a data attribute and as text, under a caption. */
function table(name, columns, rows, caption) {
  // a numeric column's header stands over its figures, right-aligned as they are
  const head = el("tr", {}, ...columns.map((c) => el("th", c.numeric ? { scope: "col", class: "num" } : { scope: "col" }, c.label)));
  const body = rows.map((row) => {
    const tr = el("tr");
    for (const [k, v] of Object.entries(row)) if (v === null || typeof v !== "object") tr.dataset[k] = String(v ?? "");
    for (const c of columns) tr.append(el("td", c.numeric ? { class: "num" } : {}, c.show(row)));
    return tr;
  });
  // a table wider than its panel scrolls inside its own box, with a shadow at the side hidden
  return el("div", { class: "table-scroll" }, el("table", { "data-table": name, class: "numbers" }, el("caption", {}, caption),
    el("thead", {}, head), el("tbody", {}, ...body)));
}

// The section joins the page before its chart is drawn: ECharts sizes itself from the element.
function panel(root, name, title, caption, rows) {
  const chart = el("div", { class: "chart" });
  const head = el("div", { class: "panel-head" }, el("h2", { id: `title-${name}` }, title));
  if (rows) head.append(csvButton(name, rows));
  const section = el("section", { class: "panel", "data-panel": name, "aria-labelledby": `title-${name}` },
    head, el("p", { class: "caption" }, caption), chart);
  root.append(section);
  return { section, chart };
}

function base() {
  return {
    animation: false,
    textStyle: { fontFamily: "system-ui, sans-serif" },
    grid: { left: 10, right: 20, top: 40, bottom: 30, containLabel: true },
    tooltip: { trigger: "axis", valueFormatter: dollars, confine: true },
    legend: { top: 0, type: "scroll" },
  };
}

/**
 * Draws a chart with ECharts' aria (a description a screen reader reads, decal patterns so that
 * colour is never the only carrier of a meaning).
 */
function draw(charts, div, option, description) {
  const chart = globalThis.echarts.init(div, themeName(), { renderer: "svg" });
  const decal = option.decal !== false;
  delete option.decal;
  chart.setOption({ ...base(), ...option, aria: { enabled: true, label: { description }, decal: { show: decal } } });
  div.setAttribute("role", "img");
  div.setAttribute("aria-label", description);
  div.dataset.description = description;
  charts.push(chart);
  return chart;
}

const moneyAxis = { type: "value", axisLabel: { formatter: (v) => currencySymbol() + compact(v), hideOverlap: true } };
const monthDate = (m) => m + "-01";
const monthAxis = { type: "time", axisLabel: { formatter: "{yyyy}-{MM}", hideOverlap: true }, minInterval: 28 * 24 * 3600 * 1000 };
const monthTooltip = { trigger: "axis", valueFormatter: dollars, confine: true,
  axisPointer: { label: { formatter: (p) => new Date(p.value).toISOString().slice(0, 7) } } };

/** Every month from the first to the last, so that a gap between them shows as a gap. */
function monthsBetween(months) {
  if (months.length === 0) return [];
  const [first, last] = [months[0], months[months.length - 1]];
  const out = [];
  let [y, m] = first.split("-").map(Number);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function figure(text, attrs = {}) {
  return el("p", { class: "figure", ...attrs }, text);
}

/**
 * A lever in words: a shadow price is a rate at the margin (it holds for a small step only), so it
 * is said rounded ("about $1.3B per point"), never as an exact saving; contract years count from 1.
 */
export function leverWords(l) {
  const m = /^(\w+)\[(.*)\]$/.exec(l.constraint || "");
  const about = (text) => "about " + compactUsd(text);
  if (m && m[1] === "share") {
    const [provider, year] = m[2].split(",");
    return `Share cap: letting ${provider} take one point more of ${year} spend would save ${about(l.shadowPrice)} per point, at the margin`;
  }
  if (m && m[1] === "capacity") {
    const [region, accelerator, month] = m[2].split(",");
    return `Capacity: one more ${accelerator} GPU-month in ${region} in ${month} would save ${about(l.shadowPrice)}, at the margin`;
  }
  if (m && m[1] === "minimum") {
    const [contract, year] = m[2].split(",");
    const perUnit = Number(l.shadowPrice).toFixed(2);
    return `Minimum: lowering ${contract} y${Number(year) + 1}'s minimum by ${currencySymbol()}1 would save about ${currencySymbol()}${perUnit}, at the margin`;
  }
  return l.explanation;
}

function headlinePanel(root, f, plan) {
  const section = el("section", { class: "headline", "data-panel": "headline", "aria-labelledby": "title-headline" });
  const rows = [];
  const answer = (key, title, value, big, ...detail) => {
    const box = el("div", { class: "answer", "data-answer": key, "data-value": value ?? "" }, el("h3", {}, title), big, ...detail);
    rows.push({ answer: key, value: value ?? "" });
    return box;
  };
  const money = (text) => figure(compactUsd(text), { title: usd(text) });
  const when = f.mode === "ledger"
    ? `As of ${f.asOf} (charges through ${f.chargesThrough}); what is not billed yet is projected ${f.projection === "plan" ? (plan && plan.fixedPast ? "with the re-plan" : "with the plan") : "at the run rate"}.`
    : "From the plan: nothing billed yet.";
  const answers = el("div", { class: "answers" });
  if (f.committed) {
    answers.append(answer("committed", "Committed", f.committed.value, money(f.committed.value),
      el("p", { class: "detail" }, f.committed.parts.map((p) => `${p.contract} ${compactUsd(p.amount)}`).join(" · ")
        + (f.committed.source === "plan" ? " (committed spend only)" : ""))));
  }
  // a re-plan's total counts what was billed before its as-of date: say so, with the amount
  const past = plan && plan.fixedPast;
  const billed = past && plan.costBreakdown ? plan.costBreakdown.actual ?? "" : "";
  const whose = past
    ? `billed before ${past.asOf} ${compactUsd(billed)} (the bills) plus the re-plan's ${compactUsd(minus(f.planned, billed || "0"))} from ${past.firstOpenMonth}`
    : "the plan's total over the horizon";
  const plannedBox = answer("planned", past ? "Billed and re-planned spend" : "Planned spend", f.planned, money(f.planned),
    el("p", { class: "detail" }, plan && plan.gap !== undefined && plan.gap !== null
      ? `${whose}, within ${pct(plan.gap, 4)} of the proven lower bound` : whose));
  plannedBox.dataset.billed = billed;
  answers.append(plannedBox);
  if (f.shortfall) {
    const zero = toUnits(f.shortfall.value, decimals(f.shortfall.value)) === 0n;
    const detail = [zero ? (f.mode === "ledger" ? "every take-or-pay minimum is projected to be met" : "the plan meets every take-or-pay minimum") : f.shortfall.parts.map((p) => `${p.contract}${p.year ? " y" + p.year : ""} ${compactUsd(p.amount)}`).join(" · ")];
    if (f.shortfall.unused && toUnits(f.shortfall.unused, decimals(f.shortfall.unused)) !== 0n) {
      detail.push(`besides, ${compactUsd(f.shortfall.unused)} of reservations and storage paid for and projected unused`);
    }
    if (f.shortfall.risk) detail.push(`probability up to ${pct(f.shortfall.risk.probability, 1)} (${f.shortfall.risk.contract} y${f.shortfall.risk.year}, ${f.shortfall.risk.futures} futures)`);
    const box = answer("shortfall", "Projected shortfall", f.shortfall.value, money(f.shortfall.value),
      el("p", { class: "detail" }, detail.join("; ")), el("p", { class: "detail asof" }, f.mode === "ledger" ? `as of ${f.asOf}` : "from the plan: nothing billed yet"));
    box.dataset.asOf = f.asOf;
    box.dataset.unused = f.shortfall.unused ?? "";
    // the CSV row says as of when, what is unused besides, and how likely (once risk exists)
    Object.assign(rows[rows.length - 1], { asOf: f.asOf || "", unused: f.shortfall.unused ?? "",
      probability: f.shortfall.risk ? f.shortfall.risk.probability : "" });
    if (!zero) box.classList.add("warn");
    if (f.shortfall.risk) box.dataset.probability = f.shortfall.risk.probability;
    answers.append(box);
  }
  const capText = (r) => `${r.provider} ${r.year}${r.source === "actual" ? " billed" : ""} ${pct(r.share)} (cap ${pct(r.cap, 0)})`;
  const capped = [...new Set(f.atCap.map((r) => r.provider))];
  const capBox = answer("atcap", "At their cap", f.atCap.map((r) => `${r.provider}:${r.year}:${r.source}`).join(" "),
    figure(capped.length === 0 ? "none" : capped.join(", ")),
    el("p", { class: "detail" }, f.atCap.length === 0 ? "no provider reaches its share cap in any year" : f.atCap.map(capText).join(" · ")));
  if (capped.length > 0) capBox.classList.add("warn");
  answers.append(capBox);
  const list = el("ul", { class: "savings" }, ...f.savings.map((s) => el("li", { "data-baseline": s.name, "data-saving": s.saving, "data-percent": s.percent, title: `${usd(s.saving)} less than ${s.name} (${usd(s.baseline)})` },
    `${compactUsd(s.saving)} (${s.percent}%) vs ${s.name}${s.feasible ? "" : " (infeasible)"}`)));
  answers.append(answer("savings", "Saves", f.savings.map((s) => `${s.name}:${s.saving}`).join(" "), list));
  const levers = el("ol", { class: "levers" }, ...f.levers.map((l) => el("li", { "data-constraint": l.constraint, "data-shadow-price": l.shadowPrice, title: l.explanation }, leverWords(l))));
  answers.append(answer("levers", "Most valuable lever of each kind", f.levers.map((l) => l.constraint).join(" "),
    f.levers.length > 0 ? levers : el("p", { class: "detail" }, "no binding constraint has a price")));
  for (const s of f.savings) rows.push({ answer: "saving vs " + s.name, value: s.saving, percent: s.percent });
  const head = el("div", { class: "panel-head" }, el("h2", { id: "title-headline" }, "The answers"), csvButton("headline", rows));
  section.append(head, el("p", { class: "caption" }, when + " Hover a figure for the exact amount; every amount is exact in the tables below."), answers,
    el("details", {}, el("summary", {}, "exact figures"), table("headline", [
      { label: "answer", show: (r) => r.answer },
      { label: "exact figure", numeric: true, show: (r) => (/^-?\d+(\.\d+)?$/.test(r.value) ? usd(r.value) : r.value || "—") },
      { label: "percent", numeric: true, show: (r) => (r.percent ? r.percent + "%" : "—") },
    ], rows, `The answers above, exact (money in ${currencyName()} to the cent)`)));
  root.append(section);
}

function summaryPanel(root, rows) {
  const { section, chart } = panel(root, "summary", "Plan summary", "Total cost and how close to optimal it is proven to be.", rows);
  chart.remove();
  section.append(table("summary", [
    { label: "status", show: (r) => r.status },
    { label: "total cost", numeric: true, show: (r) => usd(r.totalCost) },
    { label: "lower bound", numeric: true, show: (r) => usd(r.lowerBound) },
    { label: "gap", numeric: true, show: (r) => pct(r.gap, 4) },
    { label: "solve (s)", numeric: true, show: (r) => r.solveSeconds },
  ], rows, "The plan's cost, its proven lower bound and the gap between them"));
}

/**
 * A small burn-down in words: every contract year against its own minimum (never a running sum,
 * which nets a year over its minimum against one under it), then every year short and by how much.
 */
function burndownWords(contract, years, isMoney, last) {
  const amount = (text) => (isMoney ? compactUsd(text) : grouped(text) + " GPU-hours");
  const short = years.filter((r) => r.shortfall !== "" && toUnits(r.shortfall, decimals(r.shortfall)) > 0n);
  const year = (r) => `Y${r.year}${r.from ? " " + r.from.slice(0, 4) : ""} minimum ${amount(r.committed)}, `
    + (r.projected === "" || r.projected === null || r.projected === undefined ? "no projection" : `projected ${amount(r.projected)}`)
    + (r.source === "ledger" && r.status !== "not-started" && r.consumed !== "" ? `, billed ${amount(r.consumed)}` : "");
  return `Burn-down of ${contract}, each contract year against its own minimum: ${years.map(year).join("; ")}. `
    + (short.length === 0 ? "No year short of its minimum" : "Shortfall " + short.map((r) => `Y${r.year} ${amount(r.shortfall)}`).join(", "))
    + ` (last year Y${last.year}).`;
}

/** A plan file's name without its folders (a temporary folder's path said nothing to a reader). */
const planName = (text) => String(text).split(/[\\/]/).pop();

function burndownPanel(root, charts, rows, ledger, plan) {
  const fromPlan = rows.length > 0 && rows[0].source !== "ledger";
  const projection = ledger && ledger.projection;
  const source = fromPlan ? "plan" : projection && projection.source === "plan" ? (plan && plan.fixedPast ? "re-plan" : "plan") : "run-rate";
  const how = source === "run-rate" ? "projected at the run rate (if spending stays at today's rate)"
    : `projected as actuals plus ${projection && projection.plan ? (/^((re-)?plan|the)\b/.test(planName(projection.plan)) ? planName(projection.plan) : `the ${source} ${planName(projection.plan)}`) : `the ${source}`} for the rest of each year`;
  const { section, chart } = panel(root, "burndown", "Contract burn-down",
    fromPlan ? "Per contract, each on its own scale, each contract year against its own minimum (grey squares): what the plan consumes that year (dashed: a projection, nothing is billed yet) and the year's shortfall paid anyway (orange bars, on their own scale at the right: a year over its minimum does not make up for another under it). Committed spend from the plan's contracts, reservations (GPU-hours) and storage from the plan's use of them."
      : `As of ${ledger.asOf} (charges through ${ledger.chargesThrough}), in ${ledger.currency}: per contract, each contract year against its own minimum (grey squares): billed so far (solid), ${how} (dashed), and the year's shortfall (orange bars, on their own scale at the right). A true-up billed is never counted as consumption. Each year owes its own minimum, a year not started included (projected), as in the headline; a reservation is in GPU-hours.`,
    rows);
  chart.remove();
  const grid = el("div", { class: "multiples" });
  section.append(grid);
  const contracts = [...new Set(rows.map((r) => r.contract))];
  for (const contract of contracts) {
    const years = rows.filter((r) => r.contract === contract).sort((a, b) => a.year - b.year);
    if (years.every((r) => !r.committed || toUnits(r.committed, decimals(r.committed)) === 0n)) continue; // a rate card has no minimum
    const unit = years[0].unit || "USD";
    const isMoney = unit !== "GPU-hours";
    const labels = years.map((r) => `Y${r.year}${r.from ? " " + r.from.slice(0, 4) : ""}`);
    const consumed = years.map((r) => (r.source === "ledger" && r.status !== "not-started" ? r.consumed : ""));
    const open = years.find((r) => r.status === "in-progress");
    const fmt = isMoney ? dollars : (v) => (v === null || v === undefined ? "—" : Number(v).toLocaleString("en-US", { maximumFractionDigits: 3 }) + " GPU-h");
    const series = [
      { name: "minimum", type: "line", symbol: "rect", symbolSize: 6, data: years.map((r) => num(r.committed)),
        itemStyle: { color: SEMANTIC.committed }, lineStyle: { color: SEMANTIC.committed, width: 2 } },
      { name: `${source}`, type: "line", data: years.map((r) => num(r.projected)), symbol: "emptyCircle",
        itemStyle: { color: SEMANTIC.planned }, lineStyle: { type: "dashed", width: 2, color: SEMANTIC.planned } },
      // each year's own shortfall, on its own scale (right): on the minimum's scale a $2.5B
      // shortfall under a $60B minimum is a few pixels
      { name: "shortfall", type: "bar", barMaxWidth: 18, yAxisIndex: 1, data: years.map((r) => num(r.shortfall)), itemStyle: { color: SEMANTIC.shortfall },
        label: { show: true, position: "top", color: SEMANTIC.shortfall, fontSize: 10,
          formatter: (p) => (p.value > 0 ? (isMoney ? compactUsd(years[p.dataIndex].shortfall) : compact(p.value) + " h") : "") } },
    ];
    if (consumed.some((v) => v !== "")) {
      series.splice(1, 0, { name: "billed", type: "line", data: consumed.map(num), symbol: "circle",
        itemStyle: { color: SEMANTIC.actual }, lineStyle: { width: 3, color: SEMANTIC.actual }, areaStyle: { opacity: 0.15 },
        ...(open && ledger ? { markLine: { symbol: "none", silent: true, lineStyle: { color: SEMANTIC.actual, type: "dotted" },
          label: { formatter: `as of ${ledger.asOf}`, color: "inherit" }, data: [{ xAxis: labels[years.indexOf(open)] }] } } : {}) });
    }
    const div = el("div", { class: "chart small" });
    grid.append(el("figure", { class: "multiple", "data-contract": contract }, el("figcaption", {}, `${contract} (${(years[0].kind || "").replaceAll("-", " ")}${isMoney ? "" : ", GPU-hours"})`), div));
    const last = years[years.length - 1];
    draw(charts, div, {
      // a plain legend wraps onto a second line; a scrolling one paged "billed" out of sight
      legend: { top: 0, type: "plain", itemWidth: 16, itemGap: 6, textStyle: { fontSize: 10 } },
      grid: { left: 6, right: 12, top: 48, bottom: 6, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: fmt, confine: true },
      // every year labelled, the year short too (an automatic interval left out Y2 and Y4), its
      // calendar year under it
      xAxis: { type: "category", data: labels, axisLabel: { interval: 0, fontSize: 10, lineHeight: 12, verticalAlign: "top", margin: 6, formatter: (v) => v.replace(" ", "\n") } },
      yAxis: [{ type: "value", axisLabel: { formatter: (v) => (isMoney ? currencySymbol() : "") + compact(v) } },
        { type: "value", name: "shortfall", position: "right", min: 0, max: (e) => (e.max > 0 ? e.max * 1.25 : 1), splitLine: { show: false },
          nameTextStyle: { color: SEMANTIC.shortfall, fontSize: 10 },
          axisLabel: { color: SEMANTIC.shortfall, fontSize: 10, hideOverlap: true, showMaxLabel: false, formatter: (v) => (isMoney ? currencySymbol() : "") + compact(v) } }],
      series,
    }, burndownWords(contract, years, isMoney, last));
  }
  section.append(el("details", {}, el("summary", {}, `${rows.length} contract years`), table("burndown", [
    { label: "contract", show: (r) => r.contract },
    { label: "kind", show: (r) => (r.kind || "").replaceAll("-", " ") },
    { label: "year", numeric: true, show: (r) => String(r.year) },
    { label: "status", show: (r) => (r.status || (r.source === "ledger" ? "" : "planned")).replace("-", " ") },
    { label: "committed", numeric: true, show: (r) => grouped(r.committed) },
    { label: "consumed", numeric: true, show: (r) => grouped(r.consumed) },
    { label: "projected", numeric: true, show: (r) => grouped(r.projected) },
    { label: "shortfall", numeric: true, show: (r) => grouped(r.shortfall) },
    { label: "minimum in money", numeric: true, show: (r) => grouped(r.committedMoney) },
    { label: "shortfall in money", numeric: true, show: (r) => grouped(r.shortfallMoney) },
    { label: "true-up", numeric: true, show: (r) => grouped(r.trueUp ?? "") },
    { label: "settlement", show: (r) => (r.settlement || "").replaceAll("-", " ") || "—" },
    { label: "projected from", show: (r) => r.basis || r.source },
    { label: "unit", show: (r) => r.unit || "USD" },
  ], rows, "Per contract and contract year, exact (money in the unit column's currency, a reservation in GPU-hours)")));
}

function matchingPanel(root, rows, ledger) {
  if (rows.length === 0) return;
  const { section, chart } = panel(root, "matching", "Bills matched to contracts",
    "What each matching rule drew per contract (contract-applied: the provider's FOCUS 1.3 ContractApplied; ids: commitment or billing account ids; provider-name: the weakest rule), then by provider the on-demand usage outside every contract (the provider's own price) and what no contract claims (unmatched). Amounts in "
      + (ledger.currency || "USD") + " (a reservation in GPU-hours).", rows);
  chart.remove();
  section.append(table("matching", [
    { label: "contract", show: (r) => r.contract },
    { label: "kind", show: (r) => r.kind },
    { label: "contract-applied", numeric: true, show: (r) => grouped(r.contractApplied) },
    { label: "ids", numeric: true, show: (r) => grouped(r.ids) },
    { label: "provider-name", numeric: true, show: (r) => grouped(r.providerName) },
    { label: "outside contracts", numeric: true, show: (r) => grouped(r.outside ?? "") },
    { label: "unmatched", numeric: true, show: (r) => grouped(r.unmatched ?? "") },
  ], rows, "Amounts drawn by each matching rule, exact"));
  const conversions = ledger.conversions || [];
  if (conversions.length > 0) {
    section.append(table("conversions", [
      { label: "currency", show: (r) => r.currency },
      { label: "month", show: (r) => r.month },
      { label: "amount", numeric: true, show: (r) => grouped(r.amount) },
      { label: "rate", numeric: true, show: (r) => r.rate },
      { label: "converted", numeric: true, show: (r) => grouped(r.converted) },
    ], conversions, "Charges in other currencies and the rates they were converted at"));
  }
}

function spendPanel(root, charts, rows) {
  const fromPlan = rows.length === 0 || rows[0].source === "plan";
  const { section, chart } = panel(root, "spend", "Spend by provider and month",
    fromPlan ? "Planned usage cost (Σ placement cost) per provider and month, stacked; one colour per provider in every panel."
      : "Billed cost from the ledger per provider and calendar month, stacked; one colour per provider in every panel.", rows);
  const providers = sorted(rows.map((r) => r.provider));
  const months = monthsBetween(sorted(rows.map((r) => r.month)));
  const at = new Map(rows.map((r) => [r.provider + "|" + r.month, num(r.spend)]));
  // ECharts stacks by position in the data: every provider lists every month, 0 where it has none
  const series = providers.map((p) => ({
    name: p, type: "bar", stack: "spend", itemStyle: { color: colourOf(p) }, barMaxWidth: 24,
    data: months.map((m) => [monthDate(m), at.get(p + "|" + m) ?? 0]),
  }));
  const total = sumOf(rows.map((r) => r.spend));
  draw(charts, chart, { tooltip: monthTooltip, xAxis: monthAxis, yAxis: moneyAxis, series },
    `Spend by provider and month, ${fromPlan ? "planned" : "billed"}: ${compactUsd(total)} in all over ${new Set(rows.map((r) => r.month)).size} months, `
      + providers.map((p) => `${p} ${compactUsd(sumOf(rows.filter((r) => r.provider === p).map((r) => r.spend)))}`).join(", ") + ".");
  section.append(el("details", {}, el("summary", {}, `${rows.length} provider-months`), table("spend", [
    { label: "provider", show: (r) => r.provider },
    { label: "month", show: (r) => r.month },
    { label: "spend", numeric: true, show: (r) => usd(r.spend) },
  ], rows, `Spend per provider and month (${fromPlan ? "planned" : "billed"}), exact`)));
}

function sharesPanel(root, charts, rows, ledger) {
  const actual = ((ledger && ledger.shares) || []).map((s) => ({ provider: s.provider, year: Number(s.year), share: s.share, spend: s.billed, cap: s.cap ?? "", source: "actual" }));
  const all = [...rows.map((r) => ({ ...r, source: "plan" })), ...actual].map((r) => ({ ...r, atCap: r.cap !== "" && atLeast(r.share, r.cap) }));
  const { section, chart } = panel(root, "shares", "Provider share of spend against the policy cap",
    "Each provider's share of a calendar year's spend, one colour per provider; the red line is the diversification cap, drawn on top, and a bar at or above it is outlined in red and labelled."
      + (actual.length > 0 ? " Each year's planned bars stand beside its billed ones (from the ledger), which are hatched, under \"billed\"." : ""), all);
  const providers = sorted(all.map((r) => r.provider));
  // one category per year and source, planned then billed side by side ("2027 planned", "2027
  // billed"); a year without bills has one category: no empty half-slots, and one legend entry
  // per provider (a "… billed" entry each paged the legend out of sight)
  const slots = sorted(all.map((r) => String(r.year))).flatMap((y) => {
    const billed = actual.some((r) => String(r.year) === y);
    const planned = all.some((r) => String(r.year) === y && r.source === "plan");
    return [...(planned ? [{ year: y, source: "plan", label: billed ? `${y} planned` : y }] : []),
      ...(billed ? [{ year: y, source: "actual", label: `${y} billed` }] : [])];
  });
  const hatch = { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.8, color: "rgba(255,255,255,0.6)" };
  const series = providers.map((p) => ({
    name: p, type: "bar", barMaxWidth: 22, itemStyle: { color: colourOf(p) },
    data: slots.map((slot) => {
      const r = all.find((x) => x.provider === p && String(x.year) === slot.year && x.source === slot.source);
      if (!r) return null;
      const style = { ...(slot.source === "actual" ? { opacity: 0.75, decal: hatch } : {}),
        ...(r.atCap ? { borderColor: SEMANTIC.cap, borderWidth: 2 } : {}) };
      return { value: Number(r.share) * 100, itemStyle: style,
        ...(r.atCap ? { label: { show: true, position: "top", formatter: "at cap", color: SEMANTIC.cap, fontSize: 10 } } : {}) };
    }),
  }));
  const caps = [...new Set(all.filter((r) => r.cap !== "").map((r) => r.cap))];
  const capLines = caps.map((cap) => {
    const who = sorted(all.filter((r) => r.cap === cap).map((r) => r.provider));
    return { yAxis: Number(cap) * 100, label: { formatter: `cap ${pct(cap, 0)}${caps.length > 1 ? " (" + who.join(", ") + ")" : ""}`, position: "insideStartTop", color: SEMANTIC.cap } };
  });
  if (series.length > 0) series[0].markLine = { symbol: "none", silent: true, z: 10, lineStyle: { color: SEMANTIC.cap, width: 2, type: "dashed" }, data: capLines };
  const breaches = all.filter((r) => r.atCap);
  draw(charts, chart, {
    tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "—" : Number(v).toFixed(2) + "%"), confine: true },
    legend: { top: 0, type: "plain" },
    xAxis: { type: "category", data: slots.map((slot) => slot.label), axisLabel: { hideOverlap: false, interval: 0, fontSize: slots.length > 6 ? 10 : 12 } },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series,
  }, `Provider shares per year against the cap${caps.length ? " of " + caps.map((c) => pct(c, 0)).join(", ") : ""}: `
    + (breaches.length === 0 ? "no provider reaches its cap." : breaches.map((r) => `${r.provider} ${r.year}${r.source === "actual" ? " billed" : ""} at ${pct(r.share)}`).join(", ") + " at or above the cap."));
  section.append(el("details", {}, el("summary", {}, `${all.length} provider-years`), table("shares", [
    { label: "provider", show: (r) => r.provider },
    { label: "year", numeric: true, show: (r) => String(r.year) },
    { label: "source", show: (r) => (r.source === "plan" ? "planned" : "billed") },
    { label: "spend", numeric: true, show: (r) => usd(r.spend) },
    { label: "share", numeric: true, show: (r) => pct(r.share) },
    { label: "cap", numeric: true, show: (r) => pct(r.cap) },
    { label: "at cap", show: (r) => (r.atCap ? "yes" : "no") },
  ], all, "Share of each calendar year's spend per provider, planned and billed")));
}

function heatmapPanel(root, charts, rows) {
  const { section, chart } = panel(root, "heatmap", "Placements: GPU-hours by provider and month",
    "Where and when the plan runs: GPU-hours placed per provider and month (all accelerators); every month of the span is on the axis.", rows);
  const months = monthsBetween(sorted(rows.map((r) => r.month)));
  const providers = sorted(rows.map((r) => r.provider));
  const data = rows.map((r) => [months.indexOf(r.month), providers.indexOf(r.provider), num(r.gpuHours)]);
  const max = Math.max(1, ...data.map((d) => d[2]));
  const costOf = new Map(rows.map((r) => [r.provider + "|" + r.month, r.cost]));
  draw(charts, chart, {
    decal: false, // a pattern over a colour scale reads as another value
    legend: { show: false },
    tooltip: { position: "top", confine: true, formatter: (p) => `${escapeHtml(providers[p.value[1]])} ${escapeHtml(months[p.value[0]])}: `
      + `${Number(p.value[2]).toLocaleString("en-US", { maximumFractionDigits: 3 })} GPU-h, ${usd(costOf.get(providers[p.value[1]] + "|" + months[p.value[0]]))}` },
    grid: { left: 10, right: 20, top: 20, bottom: 60, containLabel: true },
    // no split areas: a month without placements must look empty, not like a dark value
    xAxis: { type: "category", data: months },
    yAxis: { type: "category", data: providers },
    visualMap: { min: 0, max, calculable: true, inRange: { color: ["#f7fbff", "#6baed6", "#08306b"] }, orient: "horizontal", left: "center", bottom: 0,
      formatter: (v) => compact(Math.round(v)) },
    series: [{ name: "GPU-hours", type: "heatmap", data, emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } } }],
  }, `Heat map of GPU-hours placed by ${providers.length} providers over ${months.length} months, at most ${compact(max)} GPU-hours in a provider-month.`);
  section.append(el("details", {}, el("summary", {}, `${rows.length} provider-months`), table("heatmap", [
    { label: "provider", show: (r) => r.provider },
    { label: "month", show: (r) => r.month },
    { label: "GPU-hours", numeric: true, show: (r) => grouped(r.gpuHours) },
    { label: "cost", numeric: true, show: (r) => usd(r.cost) },
  ], rows, "GPU-hours and cost placed per provider and month, exact")));
}

/** The plan against each baseline: what the baseline costs more than the plan, and the plan's distance to its bound. */
export function savingRows(bundle) {
  const plan = bundle.plan;
  return baselineRows(bundle).map((r) => {
    if (r.name === "plan" || !r.totalCost || !plan || !plan.totalCost) return { ...r, difference: r.name === "plan" ? "0.00" : "", percent: "" };
    const difference = minus(r.totalCost, plan.totalCost);
    return { ...r, difference, percent: percentOf(difference, r.name === "lower bound" ? plan.totalCost : r.totalCost) };
  });
}

function baselinesPanel(root, charts, rows) {
  const { section, chart } = panel(root, "baselines", "What the plan saves",
    "The difference from the plan's cost, not from $0: how much more each naive baseline costs (green: the plan saves that much), and how far the plan is at most from the best possible (its proven lower bound).", rows);
  const bars = rows.filter((r) => r.name !== "plan" && r.difference !== "");
  // on a phone the bar's label goes on two lines and the names get the room they need: one line
  // ran out of the chart ("saves $13.9B (3.52%"), and "commitments-first" ran into its bar
  const narrow = chart.clientWidth < 560;
  draw(charts, chart, {
    legend: { show: false },
    tooltip: { trigger: "item", confine: true, formatter: (p) => {
      const r = bars[p.dataIndex];
      return `${escapeHtml(r.name)}: ${usd(r.totalCost)}<br>${r.name === "lower bound" ? "plan above the bound" : "the plan saves"} ${usd(r.name === "lower bound" ? minus("0", r.difference) : r.difference)}`;
    } },
    grid: { left: narrow ? 118 : 130, right: narrow ? 84 : 160, top: 10, bottom: 40 },
    xAxis: { ...moneyAxis, name: "Δ against the plan", nameLocation: "middle", nameGap: 24 },
    yAxis: { type: "category", data: bars.map((r) => r.name), inverse: true,
      axisLabel: { width: narrow ? 110 : 124, overflow: "breakAll", fontSize: narrow ? 11 : 12 } },
    series: [{ type: "bar", name: "difference from the plan", barMaxWidth: 28,
      data: bars.map((r) => ({ value: num(r.name === "lower bound" ? minus("0", r.difference) : r.difference), itemStyle: { color: r.name === "lower bound" ? SEMANTIC.committed : r.feasible ? SEMANTIC.saving : "#b8bec6" } })),
      // ink of the page, no outline: ECharts outlines a label in the bar's colour, hollow on dark
      label: { show: true, position: "right", color: isDark() ? "#e3e8ee" : "#1d2630", textBorderWidth: 0, formatter: (p) => {
        const r = bars[p.dataIndex];
        const gap = narrow ? "\n" : " ";
        return r.name === "lower bound" ? `${compactUsd(minus("0", r.difference))}${gap}to the bound` : `saves ${compactUsd(r.difference)}${gap}(${r.percent}%)${r.feasible ? "" : " infeasible"}`;
      } } }],
  }, "The plan's saving against each baseline: " + bars.filter((r) => r.name !== "lower bound").map((r) => `${r.name} ${compactUsd(r.difference)} (${r.percent}%)`).join(", ") + ".");
  section.append(table("baselines", [
    { label: "option", show: (r) => r.name },
    { label: "total cost", numeric: true, show: (r) => usd(r.totalCost) },
    { label: "more than the plan", numeric: true, show: (r) => (r.difference === "" ? "—" : usd(r.difference)) },
    { label: "%", numeric: true, show: (r) => (r.percent === "" ? "—" : r.percent + "%") },
    { label: "feasible", show: (r) => (r.feasible ? "yes" : "no" + (r.note ? ": " + r.note : "")) },
  ], rows, "Total cost of the plan, its lower bound and each baseline; the difference is the baseline's cost less the plan's (percent of the baseline's)"));
}

function vsPlanPanel(root, charts, rows, plan) {
  const hasActual = rows.some((r) => r.actual !== "");
  const allBilled = rows.some((r) => r.basis === "all-billed");
  const past = plan && plan.fixedPast;
  const { section, chart } = panel(root, "vsplan", "Plan against actual",
    past ? `A re-plan as of ${past.asOf}: the months before ${past.firstOpenMonth} are the bills themselves (dark), with no planned figure of the re-plan's to set against them `
      + `(compare them with the plan they followed: nuage ledger vs-plan --plan ${plan.previousPlan && plan.previousPlan.origin ? plan.previousPlan.origin : "PLAN"}); from ${past.firstOpenMonth}, the re-plan's usage cost (light), all providers.`
    : allBilled ? "What the plan bills (light: usage, reservation fees, storage, egress, true-ups, as nuage ledger vs-plan counts them) against billed cost (dark) per month billed, all providers; the line is the variance (billed less planned). A month the bills end in is compared with the plan's share of its days."
    : hasActual ? "Planned usage cost (light) against billed cost (dark) per month, all providers; the line is the variance (billed less planned)."
      : "Planned usage cost per month; no ledger rows ingested yet, so no actual.", rows);
  const at = (f) => rows.filter((r) => r[f] !== "").map((r) => [monthDate(r.month), num(r[f])]);
  draw(charts, chart, {
    tooltip: monthTooltip,
    xAxis: monthAxis,
    yAxis: moneyAxis,
    series: [
      { name: "planned", type: "bar", barMaxWidth: 16, data: at("planned"), itemStyle: { color: SEMANTIC.planned } },
      ...(hasActual ? [{ name: "actual", type: "bar", barMaxWidth: 16, data: at("actual"), itemStyle: { color: SEMANTIC.actual } },
        { name: "variance", type: "line", data: at("variance"), symbol: "diamond", itemStyle: { color: ink() }, lineStyle: { color: ink(), width: 1.5 } }] : []),
    ],
  }, `Planned ${compactUsd(sumOf(rows.map((r) => r.planned)))} over ${rows.filter((r) => r.planned !== "").length} months`
    + (hasActual ? `; billed ${compactUsd(sumOf(rows.map((r) => r.actual)))} over ${rows.filter((r) => r.actual !== "").length} months, `
      + (rows.some((r) => r.variance !== "") ? `variance ${compactUsd(sumOf(rows.map((r) => r.variance)))}.` : "no month both planned and billed to compare.") : "; nothing billed yet."));
  section.append(el("details", {}, el("summary", {}, `${rows.length} months`), table("vsplan", [
    { label: "month", show: (r) => r.month },
    { label: "planned", numeric: true, show: (r) => usd(r.planned) },
    { label: "actual", numeric: true, show: (r) => usd(r.actual) },
    { label: "variance", numeric: true, show: (r) => usd(r.variance) },
  ], rows, "Planned and billed cost per month, exact")));
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
        : ""),
    rows);
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
      band("P5-P25", diff("p25", "p05"), "rgba(11,114,133,0.18)"),
      band("P25-P75", diff("p75", "p25"), "rgba(11,114,133,0.45)"),
      band("P75-P95", diff("p95", "p75"), "rgba(11,114,133,0.18)"),
      { name: "median", type: "line", data: n("p50"), symbol: "circle", symbolSize: 8,
        itemStyle: { color: SEMANTIC.futures }, lineStyle: { color: SEMANTIC.futures } },
      { name: "as written", type: "line", data: n("asWritten"), symbol: "diamond", symbolSize: 8,
        itemStyle: { color: ink() }, lineStyle: { type: "dashed", color: ink() } },
      // one year: P5 and P95 as a whisker, the bands being areas between years
      ...(years.length === 1 ? [{ name: "P5-P95", type: "scatter", symbol: "rect", symbolSize: [24, 3],
        itemStyle: { color: SEMANTIC.futures }, data: [num(rows[0].p05), num(rows[0].p95)].map((v) => [0, v]) }] : []),
    ],
  }, `Fan chart of the cost per year over ${risk.futures} sampled futures: `
    + rows.map((r) => `${r.year} median ${compactUsd(r.p50)} (P5 ${compactUsd(r.p05)} to P95 ${compactUsd(r.p95)})`).join(", ") + ".");
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
  ], rows, "Cost per calendar year over the futures: mean with its standard error and quantiles"));
}

function shortfallRiskPanel(root, charts, rows) {
  if (rows.length === 0) return;
  const { section, chart } = panel(root, "shortfallrisk", "Probability of paying for compute not used",
    "Per take-or-pay contract year: the share of the sampled futures in which consumption falls below the minimum "
      + "(a shortfall, paid anyway), with one standard error, the mean shortfall over all futures and its P95.", rows);
  draw(charts, chart, {
    tooltip: { trigger: "item", confine: true, formatter: (p) => {
      const r = rows[p.dataIndex];
      return `${escapeHtml(r.contract)} y${escapeHtml(r.year)}: ${pct(r.probability, 1)} ± ${se(r.probabilityError, (t) => pct(t, 1))}<br>mean shortfall ${usd(r.expected)}`;
    } },
    xAxis: { type: "category", data: rows.map((r) => `${r.contract} y${r.year}`), axisLabel: { rotate: 30 } },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [{ name: "P(shortfall)", type: "bar", barMaxWidth: 28, itemStyle: { color: SEMANTIC.shortfall }, data: rows.map((r) => Number(r.probability) * 100) }],
  }, "Probability of a shortfall per contract year: " + rows.map((r) => `${r.contract} y${r.year} ${pct(r.probability, 1)}`).join(", ") + ".");
  section.append(table("shortfallrisk", [
    { label: "contract", show: (r) => r.contract },
    { label: "year", numeric: true, show: (r) => r.year },
    { label: "P(shortfall)", numeric: true, show: (r) => pct(r.probability, 1) },
    { label: "± s.e.", numeric: true, show: (r) => se(r.probabilityError, (t) => pct(t, 1)) },
    { label: "mean shortfall", numeric: true, show: (r) => usd(r.expected) },
    { label: "± s.e.", numeric: true, show: (r) => se(r.expectedError, usd) },
    { label: "P95 shortfall", numeric: true, show: (r) => usd(r.p95) },
  ], rows, "Per take-or-pay contract year: the probability of a shortfall and its size over the futures"));
}

function concentrationPanel(root, charts, rows, concentration) {
  if (rows.length === 0) return;
  const { section, chart } = panel(root, "concentration", "What losing each provider would cost",
    `Each provider lost from ${concentration.from} (the middle of the horizon), the rest re-planned: the extra cost against the plan, `
      + "in which the unmet demand (at the penalty) and the change of the take-or-pay shortfall are included. "
      + "The margin is how far each re-plan is proven from the best plan of its future.", rows);
  draw(charts, chart, {
    legend: { show: false },
    tooltip: { trigger: "item", valueFormatter: dollars, confine: true },
    grid: { left: 10, right: 50, top: 10, bottom: 30, containLabel: true },
    xAxis: moneyAxis,
    yAxis: { type: "category", data: rows.map((r) => r.provider), inverse: true },
    series: [{ type: "bar", name: "extra cost", barMaxWidth: 28,
      data: rows.map((r) => ({ value: num(r.extraCost), itemStyle: { color: colourOf(r.provider) } })),
      label: { show: true, position: "right", formatter: (p) => currencySymbol() + compact(p.value) } }],
  }, `The extra cost of losing each provider from ${concentration.from}: ` + rows.map((r) => `${r.provider} ${compactUsd(r.extraCost)}`).join(", ") + ".");
  section.append(table("concentration", [
    { label: "provider", show: (r) => r.provider },
    { label: "lost from", show: (r) => r.from },
    { label: "extra cost", numeric: true, show: (r) => usd(r.extraCost) },
    { label: "shortfall change", numeric: true, show: (r) => usd(r.shortfallChange) },
    { label: "unmet cost", numeric: true, show: (r) => usd(r.unmetCost) },
    { label: "margin", numeric: true, show: (r) => usd(r.margin) },
  ], rows, "Per provider lost: the extra cost and its parts, exact"));
}


function dealPanel(root, charts, rows, deal) {
  if (rows.length === 0) return;
  const sizes = rows.filter((r) => r.scale !== "");
  const none = rows.find((r) => r.scale === "");
  const be = deal.breakEven;
  const breakEven = !be ? "The break-even demand was not searched (--no-break-even)."
    : be.outcome === "found" ? `It breaks even at ${be.demand} times the demand as written (between ${be.low} and ${be.high}): below that, signing costs more.`
      : be.outcome === "always-pays" ? "It pays at every demand level tried." : "It never pays at the demand levels tried.";
  const { section, chart } = panel(root, "deal", `Sizing ${deal.contract} (${deal.provider})`,
    `Expected cost and CVaR95 (the mean of the worst 5% of ${deal.futures} futures, seed ${deal.seed}) of the whole portfolio against the deal's size, a multiple of the written minimums; `
      + `the dashed line, "not signed", is the expected cost without the deal (${none ? compactUsd(none.meanCost) : "—"}): a size whose expected cost is below it saves money. Best: ${deal.best}. ${breakEven}`
      + (deal.notes && deal.notes.length ? " " + deal.notes.join(" ") : ""), rows);
  const labels = sizes.map((r) => `${r.label} (${compactUsd(r.commitment)})`);
  // the axis starts near the curves (scale), but always takes in the not-signed line
  const shown = [...sizes.flatMap((r) => [num(r.meanCost), num(r.cvar95)]), none ? num(none.meanCost) : null].filter((v) => v !== null);
  const low = Math.min(...shown);
  const high = Math.max(...shown);
  const pad = (high - low) * 0.05 || Math.abs(high) * 0.01 || 1;
  draw(charts, chart, {
    tooltip: { trigger: "axis", valueFormatter: dollars, confine: true },
    xAxis: { type: "category", data: labels, name: "size", nameLocation: "middle", nameGap: 28 },
    yAxis: { ...moneyAxis, scale: true, min: low - pad, max: high + pad },
    series: [
      { name: "expected cost", type: "line", data: sizes.map((r) => num(r.meanCost)), symbol: "circle", symbolSize: 8,
        itemStyle: { color: SEMANTIC.futures }, lineStyle: { color: SEMANTIC.futures, width: 2 },
        ...(none ? { markLine: { symbol: "none", silent: true, lineStyle: { color: ink(), type: "dashed", width: 2 },
          label: { formatter: `not signed ${compactUsd(none.meanCost)}`, position: "insideEndTop", color: ink() },
          data: [{ yAxis: num(none.meanCost) }] } } : {}) },
      { name: "CVaR95", type: "line", data: sizes.map((r) => num(r.cvar95)), symbol: "triangle", symbolSize: 9,
        itemStyle: { color: SEMANTIC.tail }, lineStyle: { color: SEMANTIC.tail, type: "dotted", width: 2 } },
    ],
  }, `Deal curves of ${deal.contract}: ` + sizes.map((r) => `${r.label} expected ${compactUsd(r.meanCost)}, CVaR95 ${compactUsd(r.cvar95)}`).join("; ")
    + (none ? `; not signed ${compactUsd(none.meanCost)}.` : "."));
  section.append(el("p", { class: "note", "data-break-even": be && be.outcome === "found" ? String(be.demand) : (be ? be.outcome : "") }, "Break-even demand: " + breakEven));
  section.append(table("deal", [
    { label: "size", show: (r) => r.label },
    { label: "commitment", numeric: true, show: (r) => usd(r.commitment) },
    { label: "discount", numeric: true, show: (r) => (r.discount === "" ? "—" : pct(r.discount, 0)) },
    { label: "expected cost", numeric: true, show: (r) => usd(r.meanCost) },
    { label: "± s.e.", numeric: true, show: (r) => se(r.meanCostError, usd) },
    { label: "CVaR95", numeric: true, show: (r) => usd(r.cvar95) },
    { label: "saving", numeric: true, show: (r) => (r.saving === "" ? "—" : usd(r.saving)) },
    { label: "P(shortfall)", numeric: true, show: (r) => (r.shortfallProbability === "" ? "—" : pct(r.shortfallProbability, 1)) },
  ], rows, "Each size of the deal and not signing it, over the same futures"));
}

/** Draws every panel of a bundle into root, replacing what was there. Returns the charts. */
export function renderBundle(root, bundle) {
  for (const old of root.__nuageCharts || []) old.dispose();
  root.replaceChildren();
  useCurrencyOf(bundle);
  for (const name of document.querySelectorAll("[data-currency-name]")) name.textContent = currencyName();
  const charts = [];
  const plan = bundle.plan;
  if (plan && plan.status !== "INFEASIBLE") headlinePanel(root, headlineFigures(bundle), plan);
  if (!plan) {
    if (!bundle.risk && !bundle.deal) root.append(el("p", { class: "empty" }, "No plan shown yet: pick a plan from the list, or upload a scenario and start one."));
  } else if (plan.status === "INFEASIBLE") {
    const list = el("ul", { "data-table": "infeasibility" }, ...(plan.infeasibility || []).map((i) =>
      el("li", { "data-kind": i.kind }, `${i.kind}${i.workload ? " (" + i.workload + ")" : ""}: ${i.message}`)));
    root.append(el("section", { class: "panel", "data-panel": "infeasible" }, el("h2", {}, "No feasible plan"), list));
  } else {
    baselinesPanel(root, charts, savingRows(bundle));
    sharesPanel(root, charts, shareRows(bundle), hasLedger(bundle) ? bundle.ledger : null);
    burndownPanel(root, charts, burndownRows(bundle), bundle.ledger, plan);
    matchingPanel(root, matchingRows(bundle), bundle.ledger);
    spendPanel(root, charts, spendRows(bundle));
    vsPlanPanel(root, charts, vsPlanRows(bundle), plan);
    heatmapPanel(root, charts, heatRows(bundle));
    summaryPanel(root, summaryRows(bundle));
  }
  // the risk figures stand on their own: a risk run re-plans every future itself
  if (bundle.risk) {
    fanPanel(root, charts, fanRows(bundle), bundle.risk);
    shortfallRiskPanel(root, charts, shortfallRiskRows(bundle));
  }
  if (bundle.concentration) concentrationPanel(root, charts, concentrationRows(bundle), bundle.concentration);
  if (bundle.deal) dealPanel(root, charts, dealRows(bundle), bundle.deal);
  root.__nuageCharts = charts;
  root.__nuageBundle = bundle;
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
