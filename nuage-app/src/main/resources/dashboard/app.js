// The live dashboard: sign in with a token, upload a scenario, start a plan, follow it, draw it.
// All drawing is done by lib/charts.js, the same code the offline report inlines.
import { renderBundle } from "./lib/charts.js";

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

async function api(path, options = {}) {
  const headers = { ...(options.headers || {}), Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}` };
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

// Offer only what the token's role may do: a viewer reads plans and the ledger, a planner also
// uploads scenarios and starts or cancels plans (the server enforces it either way: 403).
async function showSession() {
  let session = { name: "", role: "viewer" };
  try {
    session = await api("/api/session");
  } catch (e) {
    // an older server without /api/session: show everything and let the server decide
    session = { name: "", role: "planner" };
  }
  const planner = session.role === "planner" || session.role === "admin";
  document.body.dataset.role = session.role;
  $("who").textContent = `signed in${session.name ? ` as ${session.name}` : ""} (${session.role})`;
  $("upload-form").hidden = !planner;
  $("start-plan").hidden = !planner;
  $("risk-controls").hidden = !planner;
  $("read-only").hidden = planner;
}

const scenarios = new Map();

async function refreshScenarios(selectId) {
  const list = listOf(await api("/api/scenarios"), "scenarios", "items");
  const select = $("scenario");
  select.replaceChildren();
  for (const s of list) {
    scenarios.set(s.id, s);
    select.append(new Option(`${s.name || s.id} (${s.id})`, s.id));
  }
  if (selectId) select.value = selectId;
}

async function refreshPlans(selectId) {
  const list = listOf(await api("/api/plans"), "plans", "items", "jobs");
  const select = $("plan");
  select.replaceChildren(new Option("—", ""));
  for (const p of list) select.append(new Option(`${p.id} ${p.status}`, p.id));
  if (selectId) select.value = selectId;
}

function showProblems(error) {
  const list = $("problems");
  list.replaceChildren();
  const body = error.body || {};
  const problems = Array.isArray(body.problems) && body.problems.length > 0 ? body.problems : null;
  const lines = problems
    ? problems.map((p) => [p.file, p.line, p.column].filter((x) => x !== undefined && x !== null).join(":")
        + (p.path ? ` ${p.path}` : "") + `: ${p.message}`)
    : [error.message];
  for (const line of lines) {
    const li = document.createElement("li");
    li.textContent = line;
    list.append(li);
  }
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

function showJob(job) {
  const status = $("job-status");
  const progress = $("progress");
  status.dataset.status = job.status;
  status.dataset.planId = job.id;
  const fraction = Number(job.progress ?? 0);
  progress.hidden = FINISHED.has(job.status);
  $("cancel-plan").hidden = FINISHED.has(job.status) || document.body.dataset.role === "viewer";
  $("cancel-plan").dataset.planId = job.id;
  progress.value = fraction;
  status.textContent = FINISHED.has(job.status) ? `${job.id}: ${job.status.toLowerCase()}`
    : `${job.id}: ${job.status.toLowerCase()} ${Math.round(fraction * 100)}%`;
  if (job.status === "FAILED" || job.status === "CANCELLED") {
    showProblems({ message: job.error || job.detail || job.message || job.status, body: {} });
  }
}

async function startPlan() {
  $("problems").replaceChildren();
  const scenario = $("scenario").value;
  if (!scenario) return;
  try {
    let job = await api("/api/plans", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scenario }),
    });
    showJob(job);
    while (!FINISHED.has(job.status)) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await api(`/api/plans/${encodeURIComponent(job.id)}`);
      showJob(job);
    }
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
  const job = await api(`/api/plans/${encodeURIComponent(id)}`);
  showJob(job);
  await draw(job);
}

// Ledger panels are optional: a server without ledger rows still shows the plan. The draw-down
// response (docs/ledger-drawdown.md) holds the contracts' years and the spend by provider and month.
async function ledgerFor(scenarioId) {
  try {
    const ledger = await api(`/api/ledger/drawdown?scenario=${encodeURIComponent(scenarioId)}`);
    // an empty ledger still lists every contract year (with zeros): no spend means no rows
    return (ledger.spend || []).length > 0 ? ledger : null;
  } catch (e) {
    return null;
  }
}

// What the panels show now: a risk run adds its figures to it (docs/risk-json.md).
let shown = null;

// A risk job (docs/server.md, "Risk jobs") of the selected scenario: its fan chart and shortfall
// odds are drawn beside the plan on the page, as the offline report draws them.
async function startRisk() {
  $("problems").replaceChildren();
  const scenario = $("scenario").value;
  if (!scenario) return;
  try {
    const samples = Number($("risk-samples").value || 50);
    let job = await api("/api/risk", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ scenario, samples }),
    });
    showJob(job);
    $("cancel-plan").hidden = true; // a risk job is cancelled with DELETE /api/risk/{id}
    while (!FINISHED.has(job.status)) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await api(`/api/risk/${encodeURIComponent(job.id)}`);
      showJob(job);
      $("cancel-plan").hidden = true;
    }
    if (job.status !== "SUCCEEDED") return;
    const bundle = shown && shown.scenarioId === scenario ? shown.bundle
      : { title: scenario, policy: null, plan: null, ledger: null };
    bundle.risk = job.result;
    const root = $("panels");
    renderBundle(root, bundle);
    root.dataset.riskId = job.id;
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
  const bundle = {
    title: scenario.name || scenarioId, policy: policyOf(scenario), plan,
    ledger: scenarioId ? await ledgerFor(scenarioId) : null,
  };
  const root = $("panels");
  renderBundle(root, bundle);
  root.dataset.planId = job.id;
  shown = { scenarioId, bundle };
}

$("sign-in-form").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn($("token").value);
  $("token").value = "";
});
$("sign-out").addEventListener("click", () => signOut());
$("upload-form").addEventListener("submit", upload);
$("start-plan").addEventListener("click", startPlan);
$("start-risk").addEventListener("click", startRisk);
$("cancel-plan").addEventListener("click", cancelPlan);
$("plan").addEventListener("change", showPlan);

if (sessionStorage.getItem(TOKEN_KEY)) signIn(sessionStorage.getItem(TOKEN_KEY));
