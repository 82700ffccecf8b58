// The live dashboard: sign in with a token, upload a scenario or bills, start a plan, risk or deal
// job, follow it, draw it. All drawing is done by lib/charts.js, the same code the offline report
// inlines, so the headline band and the panels read the same JSON the API serves.
import { renderBundle, installThemeToggle, usd, compactUsd } from "./lib/charts.js";

const TOKEN_KEY = "nuage.token";
const POLL_MS = 400;
const FINISHED = new Set(["SUCCEEDED", "FAILED", "INFEASIBLE", "CANCELLED"]);
const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, body) {
    super(typeof body === "object" && body ? body.detail || body.title || `HTTP ${status}` : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

const auth = () => ({ Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}` });

async function api(path, options = {}) {
  const headers = { ...(options.headers || {}), ...auth() };
  const res = await fetch(path, { ...options, headers });
  const type = res.headers.get("content-type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (res.status === 401) signOut("The server refused the token (401). Sign in again.");
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

// The API returns lists either bare or wrapped; accept both so a field rename is not fatal.
const listOf = (body, ...keys) => {
  if (Array.isArray(body)) return body;
  for (const k of keys) if (body && Array.isArray(body[k])) return body[k];
  return [];
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

const when = (iso) => (iso ? String(iso).replace("T", " ").replace(/\.\d+Z$|Z$/, "") : "—");
const bytes = (n) => (n === undefined || n === null ? "—" : n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`);

let role = "viewer";
const isPlanner = () => role === "planner" || role === "admin";

function signOut(message = "") {
  sessionStorage.removeItem(TOKEN_KEY);
  $("workspace").hidden = true;
  $("sign-in").hidden = false;
  $("sign-out").hidden = true;
  $("who").textContent = "";
  delete document.body.dataset.role;
  $("sign-in-error").textContent = message;
}

async function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
  try {
    await refreshScenarios();
  } catch (e) {
    if (e.status !== 401) signOut(`Could not reach the API: ${e.message}`);
    return;
  }
  $("sign-in").hidden = true;
  $("workspace").hidden = false;
  $("sign-out").hidden = false;
  await showSession();
  document.body.dataset.signedIn = "true";
  await refreshPlans();
}

// Offer only what the token's role may do: a viewer reads scenarios, plans, risk, deals and the
// ledger; a planner also uploads scenarios and bills and starts or cancels jobs (the server enforces
// it either way: 403). No control a viewer cannot use is shown.
async function showSession() {
  let session = { name: "", role: "viewer" };
  try {
    session = await api("/api/session");
  } catch (e) {
    // an older server without /api/session: show everything and let the server decide
    session = { name: "", role: "planner" };
  }
  role = session.role;
  const planner = isPlanner();
  document.body.dataset.role = session.role;
  $("who").textContent = `signed in${session.name ? ` as ${session.name}` : ""} (${session.role})`;
  // the scenario picker only chooses what a plan, risk or deal job runs on: a viewer starts none
  for (const id of ["upload-form", "scenario-pick", "start-plan", "risk-controls", "deal-controls", "billing"]) $(id).hidden = !planner;
  $("read-only").hidden = planner;
  showScenarioList();
}

const scenarios = new Map();
let scenarioOrder = [];

async function refreshScenarios(selectId) {
  const list = listOf(await api("/api/scenarios"), "scenarios", "items");
  const select = $("scenario");
  select.replaceChildren();
  scenarioOrder = list;
  for (const s of list) {
    scenarios.set(s.id, s);
    // the same words as the list below: name, upload time and id, so two uploads of one file differ
    select.append(new Option(`${s.name || s.id}, ${when(s.uploadedAt)} (${s.id})`, s.id));
  }
  if (selectId) select.value = selectId;
  showScenarioList();
}

// Two uploads of one file differ by their time and id: both are listed.
function showScenarioList() {
  const body = $("scenario-list").querySelector("tbody");
  body.replaceChildren(...scenarioOrder.map((s) => el("tr", { "data-scenario": s.id, "data-bytes": String(s.bytes ?? "") },
    el("td", {}, s.name || s.id), el("td", {}, s.fileName || ""), el("td", {}, when(s.uploadedAt)), el("td", { class: "num" }, bytes(s.bytes)),
    el("td", { class: "id" }, s.id))));
  $("scenario-list").hidden = scenarioOrder.length === 0;
  const empty = $("scenarios-empty");
  empty.hidden = scenarioOrder.length > 0;
  empty.textContent = isPlanner() ? "No scenario yet: upload a scenario YAML above (examples/frontier-lab-2027.yaml is a start)."
    : "No scenario yet: a planner uploads one (on this dashboard with a planner token, or POST /api/scenarios).";
  $("start-plan").disabled = scenarioOrder.length === 0;
}

let planOrder = [];

async function refreshPlans(selectId) {
  planOrder = listOf(await api("/api/plans"), "plans", "items", "jobs");
  const select = $("plan");
  const keep = selectId || select.value;
  select.replaceChildren(new Option("—", ""));
  for (const p of planOrder) select.append(new Option(`${p.id} ${scenarioName(p.scenario)} ${p.status.toLowerCase()}`, p.id));
  if (keep) select.value = keep;
  showPlanList();
}

const scenarioName = (id) => (scenarios.get(id) || {}).name || id;

function exportButton(label, plan, path, file) {
  const b = el("button", { type: "button", "data-export": label, "data-plan": plan.id }, label);
  b.addEventListener("click", () => download(path(), file(), b));
  return b;
}

// The exports need the bearer token, which a plain link cannot send: fetched, then saved.
async function download(path, file, button) {
  $("problems").replaceChildren();
  try {
    const res = await fetch(path, { headers: auth() });
    if (res.status === 401) signOut("The server refused the token (401). Sign in again.");
    if (!res.ok) {
      const type = res.headers.get("content-type") || "";
      throw new ApiError(res.status, type.includes("json") ? await res.json() : null);
    }
    const url = URL.createObjectURL(await res.blob());
    const a = el("a", { href: url, download: file });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    button.dataset.downloaded = "true";
  } catch (e) {
    // the server's problem detail says why (a month outside the plan, an unknown plan)
    showProblems(e.body ? e : { message: `${path}: HTTP ${e.status ?? "error"}`, body: {} });
  }
}

function showPlanList() {
  const body = $("plan-list").querySelector("tbody");
  const shown = $("panels").dataset.planId;
  body.replaceChildren(...planOrder.map((p) => {
    const show = el("button", { type: "button", "data-show": p.id }, "Show");
    show.addEventListener("click", () => {
      $("plan").value = p.id;
      showPlan();
    });
    const actions = el("td", {}, show);
    // every signed-in role may read plans, so every role may download their exports
    if (p.status === "SUCCEEDED") {
      actions.append(
        exportButton("SkyPilot", p, () => `/api/plans/${encodeURIComponent(p.id)}/export/skypilot`, () => `${p.id}-skypilot.zip`),
        exportButton("Kueue", p, () => `/api/plans/${encodeURIComponent(p.id)}/export/kueue?month=${encodeURIComponent(exportMonth())}`,
          () => `${p.id}-kueue-${exportMonth()}.zip`));
    }
    const tr = el("tr", { "data-plan": p.id, "data-status": p.status, "data-total-cost": p.totalCost ?? "" },
      el("td", {}, p.id), el("td", {}, scenarioName(p.scenario)), el("td", {}, when(p.startedAt || p.createdAt)),
      el("td", {}, p.status.toLowerCase()),
      el("td", { class: "num", title: p.totalCost ? usd(p.totalCost) : "" }, p.totalCost ? compactUsd(p.totalCost) : "—"), actions);
    if (p.id === shown) tr.setAttribute("aria-current", "true");
    return tr;
  }));
  $("plan-list").hidden = planOrder.length === 0;
  // no plan: no picker to choose from and no month to export (an empty select is no control)
  $("plan-picker").hidden = planOrder.length === 0;
  const empty = $("plans-empty");
  empty.hidden = planOrder.length > 0;
  empty.textContent = isPlanner() ? (scenarioOrder.length ? "No plan yet: pick a scenario and press Start plan." : "No plan yet: upload a scenario first, then Start plan.")
    : "No plan yet: a planner starts one; it will be listed here.";
}

function exportMonth() {
  const value = $("export-month").value;
  if (value) return value;
  const plan = shown && shown.bundle.plan;
  const months = ((plan && plan.placements) || []).map((p) => p.month).sort();
  return months[0] || new Date().toISOString().slice(0, 7);
}

/**
 * A refusal's problems as lines: "file:line:column path: message", a line or column of 0 (not
 * known) left out; advice only the command line can follow says so, since this page cannot.
 */
function problemLines(error) {
  const body = error.body || {};
  const problems = Array.isArray(body.problems) && body.problems.length > 0 ? body.problems : null;
  const known = (x) => x !== undefined && x !== null && x !== "" && x !== 0;
  const cliOnly = (m) => (/--fill\b/.test(m) ? `${m} (--fill is an option of nuage ingest on the command line: on this page, fix the file and upload it again)` : m);
  return problems
    ? problems.map((p) => [p.file, p.line, p.line ? p.column : null].filter(known).join(":")
        + (p.path ? ` ${p.path}` : "") + `: ${cliOnly(String(p.message ?? ""))}`)
    : [cliOnly(String(error.message ?? ""))];
}

function showProblems(error) {
  const list = $("problems");
  list.replaceChildren();
  for (const line of problemLines(error)) list.append(el("li", {}, line));
}

async function upload(event) {
  event.preventDefault();
  $("problems").replaceChildren();
  const file = $("scenario-file").files[0];
  if (!file) return;
  try {
    const created = await api(`/api/scenarios?name=${encodeURIComponent(file.name)}`, {
      method: "POST", headers: { "Content-Type": "application/yaml" }, body: await file.text(),
    });
    await refreshScenarios(created.id);
    $("scenario").dataset.uploaded = created.id;
  } catch (e) {
    showProblems(e);
  }
}

/** The ingest report (docs/server.md, POST /api/ledger/ingest) as a small table, or what was refused. */
function showIngest(report, name) {
  const out = $("ingest-report");
  const rows = [["file", report.file ?? name], ["FOCUS version", report.focusVersion ?? "—"], ["rows read", report.rowsRead],
    ["accepted", report.accepted], ["duplicates (already in the ledger)", report.duplicates], ["rejected", report.rejected]];
  for (const [why, n] of Object.entries(report.rejectedByReason || {})) rows.push([`rejected: ${why}`, n]);
  for (const [what, n] of Object.entries(report.normalisations || {})) rows.push([`normalised: ${what}`, n]);
  const t = el("table", { class: "numbers", "data-table": "ingest" }, el("caption", {}, `Ingest report of ${name}`),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "what"), el("th", { scope: "col", class: "num" }, "rows"))),
    el("tbody", {}, ...rows.map(([k, v]) => el("tr", { "data-what": k, "data-rows": String(v ?? "") }, el("td", {}, k), el("td", { class: "num" }, String(v ?? "—"))))));
  out.replaceChildren(t);
  out.dataset.accepted = String(report.accepted ?? "");
  out.dataset.duplicates = String(report.duplicates ?? "");
}

async function ingest(event) {
  event.preventDefault();
  $("problems").replaceChildren();
  const file = $("billing-file").files[0];
  if (!file) return;
  const out = $("ingest-report");
  out.replaceChildren(el("p", { class: "note" }, `Ingesting ${file.name}…`));
  try {
    const gz = file.name.endsWith(".gz");
    const report = await api(`/api/ledger/ingest?name=${encodeURIComponent(file.name)}`, {
      method: "POST", headers: { "Content-Type": gz ? "application/gzip" : "text/csv" }, body: file,
    });
    showIngest(report, file.name);
    // the burn-down, shares and plan-against-actual now have bills to show
    if (shown && shown.job) await draw(shown.job);
  } catch (e) {
    // said once, in the Billing card where the file was given: what was refused, then each problem
    const problems = el("ul", { class: "error", "data-problems": "ingest" }, ...problemLines(e).map((line) => el("li", {}, line)));
    out.replaceChildren(el("p", { class: "error", "data-refused": String(e.status ?? "") }, `${file.name} was refused, nothing ingested:`), problems);
  }
}

function showJob(job) {
  const status = $("job-status");
  const progress = $("progress");
  status.dataset.status = job.status;
  status.dataset.planId = job.id;
  const fraction = Number(job.progress ?? 0);
  progress.hidden = FINISHED.has(job.status);
  $("cancel-plan").hidden = FINISHED.has(job.status) || !isPlanner();
  $("cancel-plan").dataset.planId = job.id;
  progress.value = fraction;
  status.textContent = FINISHED.has(job.status) ? `${job.id}: ${job.status.toLowerCase()}`
    : `${job.id}: ${job.status.toLowerCase()} ${Math.round(fraction * 100)}%`;
  if (job.status === "FAILED" || job.status === "CANCELLED") {
    showProblems({ message: job.error || job.detail || job.message || job.status, body: {} });
  }
}

/** Starts a job, follows it until it ends; returns the finished job. */
async function follow(startPath, body, pollPath, cancellable) {
  let job = await api(startPath, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  showJob(job);
  if (!cancellable) $("cancel-plan").hidden = true;
  while (!FINISHED.has(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await api(`${pollPath}/${encodeURIComponent(job.id)}`);
    showJob(job);
    if (!cancellable) $("cancel-plan").hidden = true;
  }
  return job;
}

async function startPlan() {
  $("problems").replaceChildren();
  const scenario = $("scenario").value;
  if (!scenario) return;
  try {
    const job = await follow("/api/plans", { scenario }, "/api/plans", true);
    await refreshPlans(job.id);
    await draw(job);
  } catch (e) {
    showProblems(e);
  }
}

// The polling loop of startPlan sees the job turn CANCELLED and shows it.
async function cancelPlan() {
  const id = $("cancel-plan").dataset.planId;
  if (!id) return;
  try {
    await api(`/api/plans/${encodeURIComponent(id)}/cancel`, { method: "POST" });
  } catch (e) {
    showProblems(e);
  }
}

async function showPlan() {
  const id = $("plan").value;
  if (!id) return;
  try {
    const job = await api(`/api/plans/${encodeURIComponent(id)}`);
    showJob(job);
    await draw(job);
  } catch (e) {
    showProblems(e);
  }
}

// The draw-down of the scenario's contracts (docs/ledger-drawdown.md), projected with the plan shown.
// With bills it is the ledger; without, the same call as of the horizon's first day lists every
// contract's minimums (all kinds), as the offline report's commitments part.
async function ledgerFor(scenarioId, planId, horizonStart) {
  const q = `scenario=${encodeURIComponent(scenarioId)}${planId ? `&plan=${encodeURIComponent(planId)}` : ""}`;
  let ledger = null;
  try {
    ledger = await api(`/api/ledger/drawdown?${q}`);
  } catch (e) {
    ledger = null;
  }
  if (ledger && (ledger.spend || []).length > 0) return { ledger, commitments: null };
  let commitments = null;
  if (horizonStart) {
    try {
      commitments = await api(`/api/ledger/drawdown?${q}&asOf=${encodeURIComponent(horizonStart + "-01")}`);
    } catch (e) {
      commitments = ledger; // an older server: at least the contracts' minimums
    }
  }
  return { ledger: null, commitments };
}

// What the panels show now: a risk or deal run adds its figures to it (docs/risk-json.md, deal-json.md).
let shown = null;

function redraw(bundle, extra = {}) {
  const root = $("panels");
  renderBundle(root, bundle);
  for (const [k, v] of Object.entries(extra)) root.dataset[k] = v;
}

function bundleOfScenario(scenario) {
  return shown && shown.scenarioId === scenario ? shown.bundle : { title: scenario, policy: null, plan: null, ledger: null };
}

// A risk job (docs/server.md, "Risk jobs") of the selected scenario: its fan chart and shortfall
// odds are drawn beside the plan on the page, as the offline report draws them.
async function startRisk() {
  $("problems").replaceChildren();
  const scenario = $("scenario").value;
  if (!scenario) return;
  try {
    const samples = Number($("risk-samples").value || 50);
    const job = await follow("/api/risk", { scenario, samples }, "/api/risk", false);
    if (job.status !== "SUCCEEDED") return;
    const bundle = bundleOfScenario(scenario);
    bundle.risk = job.result;
    shown = { ...(shown || {}), scenarioId: scenario, bundle };
    redraw(bundle, { riskId: job.id });
  } catch (e) {
    showProblems(e);
  }
}

// A deal job (docs/server.md, "Deal jobs"): expected cost and CVaR95 against the deal's size.
async function startDeal() {
  $("problems").replaceChildren();
  const scenario = $("scenario").value;
  const contract = $("deal-contract").value.trim();
  if (!scenario || !contract) {
    showProblems({ message: "name the committed-spend contract to size (its id in the scenario)", body: {} });
    return;
  }
  try {
    const scales = $("deal-scales").value.split(",").map((s) => s.trim()).filter(Boolean);
    const samples = Number($("deal-samples").value || 10);
    const job = await follow("/api/deals", { scenario, contract, scales, samples }, "/api/deals", false);
    if (job.status !== "SUCCEEDED") return;
    const bundle = bundleOfScenario(scenario);
    bundle.deal = job.result;
    shown = { ...(shown || {}), scenarioId: scenario, bundle };
    redraw(bundle, { dealId: job.id });
  } catch (e) {
    showProblems(e);
  }
}

async function draw(job) {
  const plan = job.result ?? job.plan ?? null;
  const scenarioId = job.scenario ?? job.scenarioId ?? $("scenario").value;
  const policyOf = (s) => s.policy || (s.summary && s.summary.policy) || null;
  let scenario = scenarios.get(scenarioId) || {};
  if (!policyOf(scenario) && scenarioId) {
    try {
      scenario = await api(`/api/scenarios/${encodeURIComponent(scenarioId)}`);
    } catch (e) {
      scenario = {};
    }
  }
  const horizonStart = scenario.summary && scenario.summary.horizonStart;
  const parts = scenarioId ? await ledgerFor(scenarioId, plan && plan.placements && plan.placements.length ? job.id : null, horizonStart)
    : { ledger: null, commitments: null };
  const bundle = { title: scenario.name || scenarioId, policy: policyOf(scenario), plan, ledger: parts.ledger, commitments: parts.commitments };
  // a risk or deal run of the same scenario stays on the page
  if (shown && shown.scenarioId === scenarioId) {
    if (shown.bundle.risk) bundle.risk = shown.bundle.risk;
    if (shown.bundle.deal) bundle.deal = shown.bundle.deal;
  }
  shown = { scenarioId, bundle, job };
  redraw(bundle, { planId: job.id });
  showPlanList();
}

installThemeToggle($("theme-toggle"));
$("sign-in-form").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn($("token").value);
  $("token").value = "";
});
$("sign-out").addEventListener("click", () => signOut());
$("upload-form").addEventListener("submit", upload);
$("ingest-form").addEventListener("submit", ingest);
$("start-plan").addEventListener("click", startPlan);
$("start-risk").addEventListener("click", startRisk);
$("start-deal").addEventListener("click", startDeal);
$("cancel-plan").addEventListener("click", cancelPlan);
$("plan").addEventListener("change", showPlan);

if (sessionStorage.getItem(TOKEN_KEY)) signIn(sessionStorage.getItem(TOKEN_KEY));
