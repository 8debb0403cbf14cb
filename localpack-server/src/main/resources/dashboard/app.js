// LocalPack dashboard: one ES module, no build step. Views are rendered from the JSON under /_localpack/ui/api/ and
// re-read when the server's event stream says something changed. DOM is built with h(), never from HTML strings.

const API = '/_localpack/ui/api';
const csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const view = document.getElementById('view');

// ---- helpers ------------------------------------------------------------------------------------------------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

async function getJson(path) {
  const r = await fetch(API + path, { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return r.json();
}

/** A state-changing request: carries the CSRF token; answers {ok, status, body}. */
async function send(method, path, body) {
  const headers = { Accept: 'application/json', [csrfHeader]: csrfToken };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let parsed = text;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
  return { ok: r.ok, status: r.status, body: parsed, job: r.headers.get('x-ms-request-id') };
}

function notice(text, kind = 'ok') {
  const n = document.getElementById('notice');
  n.textContent = text;
  n.className = 'notice ' + kind;
  n.hidden = false;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { n.hidden = true; }, kind === 'bad' ? 15000 : 5000);
}

function errorText(result) {
  const b = result.body;
  if (b && b.error && b.error.message) return `${result.status} ${b.error.code || ''}: ${typeof b.error.message === 'string' ? b.error.message : (b.error.message.value || JSON.stringify(b.error.message))}`;
  if (b && b['odata.error']) return `${result.status}: ${b['odata.error'].message.value}`;
  return `${result.status}: ${typeof b === 'string' ? b : JSON.stringify(b)}`;
}

async function act(label, method, path, body) {
  const result = await send(method, path, body);
  if (result.ok) notice(`${label}: done (${result.status})${result.job ? ', job ' + result.job : ''}`);
  else notice(`${label} refused: ${errorText(result)}`, 'bad');
  scheduleRefresh();
  return result;
}

const STATE_CLASSES = [
  [/^(running|deployed|completed|created|ready|readyrole|started|ok|enabled|published|succeeded)/i, 'ok'],
  [/(fail|error|missing|unsupported|canceled|incomplete)/i, 'bad'],
  [/(ing|queued|pending|busy)/i, 'busy'],
  [/(stopped|poweroff|off|suspended|paused|saved|deleted|stopped)/i, 'stopped'],
];

/** A state as text in a badge; the colour only repeats what the text says. */
function stateBadge(state, job = false) {
  if (!state) return h('span', { class: 'muted' }, '—');
  const cls = job && /^(running|queued)$/i.test(state) ? 'busy'
    : (STATE_CLASSES.find(([re]) => re.test(state)) || [null, ''])[1];
  return h('span', { class: 'state ' + cls, 'data-state': state }, state);
}

function jobProgress(job) {
  return h('span', { class: 'job-progress' },
    h('progress', { max: 100, value: job.progress, 'aria-label': `${job.name} progress` }), ` ${job.progress} %`);
}

function table(columns, rows, attrs = {}) {
  return h('table', attrs, h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows));
}

function params() {
  const hash = location.hash || '#/';
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.substring(q + 1));
}

function route() {
  const hash = location.hash || '#/';
  const path = hash.substring(1).split('?')[0];
  return path.split('/').filter(Boolean);
}

function go(path, query) {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v != null)).toString() : '';
  location.hash = '#' + path + (qs ? '?' + qs : '');
}

// ---- live updates -------------------------------------------------------------------------------------------

let current = null;        // the mounted view: {refresh(), onJob?(job), onRequest?(entry), onTick?(sample)}
let refreshTimer = null;

function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(async () => {
    refreshTimer = null;
    if (current && current.refresh) {
      try { await current.refresh(); } catch (e) { console.warn('refresh failed', e); }
    }
  }, 150);
}

function connect() {
  const live = document.getElementById('live');
  const events = new EventSource(API + '/events');
  events.onopen = () => { live.textContent = 'Live'; live.className = 'live on'; };
  events.onerror = () => { live.textContent = 'Reconnecting…'; live.className = 'live off'; };
  events.addEventListener('request', e => {
    const entry = JSON.parse(e.data);
    if (current && current.onRequest) current.onRequest(entry);
    if (entry.method !== 'GET' && entry.method !== 'HEAD') scheduleRefresh();
  });
  events.addEventListener('job', e => {
    const job = JSON.parse(e.data);
    if (current && current.onJob) current.onJob(job);
    scheduleRefresh();
  });
  events.addEventListener('state', () => scheduleRefresh());
  events.addEventListener('tick', e => { if (current && current.onTick) current.onTick(JSON.parse(e.data)); });
}

// ---- overview -----------------------------------------------------------------------------------------------

function chart(title, samples, key) {
  const width = 300, height = 60;
  const values = samples.map(s => s[key]);
  const max = Math.max(1, ...values);
  const points = values.map((v, i) => `${(i / Math.max(1, 59)) * width},${height - (v / max) * (height - 6) - 3}`).join(' ');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}: last ${values.length} seconds, now ${values.at(-1) ?? 0}`);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points);
  svg.append(line);
  return h('div', { class: 'card', 'data-chart': key },
    h('div', { class: 'label' }, title),
    h('div', { class: 'value' }, `${values.at(-1) ?? 0} now · max ${Math.max(0, ...values)} in the last minute`), svg);
}

function overviewView() {
  let samples = [];
  const cards = h('div', { class: 'cards', id: 'overview-cards' });
  const charts = h('div', { class: 'charts' });
  const jobs = h('div', { id: 'running-jobs' });
  const faults = h('div', { id: 'active-faults' });
  view.replaceChildren(h('h2', {}, 'Overview'), cards, charts, h('h3', {}, 'Active fault rules'), faults,
    h('h3', {}, 'Jobs running now'), jobs);
  const drawCharts = () => charts.replaceChildren(chart('Requests per second', samples, 'requests'),
    chart('Jobs finished per second', samples, 'jobs'));
  const card = (label, value, id) => h('div', { class: 'card', 'data-card': id },
    h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
  return {
    async refresh() {
      const o = await getJson('/overview');
      samples = o.rates;
      const overrides = Object.entries(o.timing || {}).filter(([, t]) => t.source === 'override');
      cards.replaceChildren(
        card('Version', o.version, 'version'),
        card('Auth mode', o.authMode, 'auth'),
        card('Database', `${o.database.kind} ${o.database.version}`, 'database'),
        card('Instances running jobs', String(o.instancesRunningJobs), 'instances'),
        card('Fixture sets loaded', (o.fixtureSetsLoaded || []).map(l => l.name).join(', ') || 'none', 'fixtures'),
        card('Timing mode', `duration factor ${o.durationFactor}; ${overrides.length} kind(s) overridden`, 'timing'),
        card('Active fault rules', `${o.jobFaults.length} job, ${o.httpFaults.length} HTTP`, 'faults'),
        card('Uptime', o.uptime.replace('PT', '').toLowerCase(), 'uptime'),
        h('div', { class: 'card wide', 'data-card': 'entities' }, h('div', { class: 'label' }, 'Resources'), h('div', { class: 'value' }, Object.entries(o.entities).map(([k, v]) => `${k} ${v}`).join(' · '))));
      drawCharts();
      const rules = [
        ...o.jobFaults.map(r => h('li', {}, `Job fault: ${r.operation} fails with ${r.errorCode}`, ` (${r.times === 'always' ? 'always' : r.times + ' left'})`)),
        ...o.httpFaults.map(r => h('li', {}, `HTTP fault: ${r.method || 'any'} ${r.path} → ${r.drop ? 'connection dropped' : r.status || 'delay ' + r.delayMs + ' ms'}`)),
      ];
      faults.replaceChildren(rules.length ? h('ul', {}, rules) : h('p', { class: 'muted' }, 'None.'));
      const running = await getJson('/jobs');
      jobs.replaceChildren(running.length ? jobTable(running) : h('p', { class: 'muted' }, 'None.'));
    },
    onTick(sample) { samples = [...samples, sample].slice(-60); drawCharts(); },
  };
}

function jobTable(jobs) {
  return table(['Job', 'Target', 'Status', 'Progress', 'Step', 'Error'], jobs.map(j => h('tr', { 'data-job': j.id },
    h('td', {}, j.name, h('div', { class: 'muted' }, j.id)),
    h('td', {}, `${j.targetType || ''} ${j.targetName || ''}`),
    h('td', {}, stateBadge(j.status, true)),
    h('td', {}, jobProgress(j)),
    h('td', { class: 'job-step' }, j.step || ''),
    h('td', { class: 'error job-error' }, j.errorMessage ? `${j.errorCode ?? ''} ${j.errorName ?? ''}: ${j.errorMessage}` : ''))),
    { class: 'jobs' });
}

// ---- tenants and resources ----------------------------------------------------------------------------------

let kindsCache = null;
async function kinds() {
  if (!kindsCache) kindsCache = await getJson('/kinds');
  return kindsCache;
}

async function resourcesView() {
  const p = params();
  const all = await kinds();
  const kind = all.find(k => k.key === p.get('kind')) || all[0];
  const query = { kind: kind.key, subscription: p.get('subscription') || '', q: p.get('q') || '', state: p.get('state') || '', page: p.get('page') || '0' };
  const subs = await getJson('/subscriptions');
  const subscription = h('select', { name: 'subscription', 'aria-label': 'Subscription' },
    h('option', { value: '' }, 'All subscriptions'),
    subs.rows.map(s => h('option', { value: s.id, selected: s.id === query.subscription }, `${s.name} (${s.id.substring(0, 8)}…)`)));
  const text = h('input', { name: 'q', value: query.q, placeholder: 'part of the name', 'aria-label': 'Name contains' });
  const state = h('input', { name: 'state', value: query.state, placeholder: 'e.g. Running', 'aria-label': 'State' });
  const filter = h('form', { class: 'toolbar', onsubmit: e => { e.preventDefault(); go('/resources', { ...query, subscription: subscription.value, q: text.value, state: state.value, page: 0 }); } },
    h('label', {}, 'Subscription', subscription), h('label', {}, 'Name contains', text), h('label', {}, 'State is', state),
    h('button', { type: 'submit' }, 'Filter'));
  const tabs = h('div', { class: 'tabs', role: 'tablist' }, all.map(k => h('a', {
    href: '#/resources?' + new URLSearchParams({ kind: k.key, subscription: query.subscription }).toString(),
    class: k.key === kind.key ? 'active' : '', role: 'tab', 'aria-selected': String(k.key === kind.key) }, k.title)));
  const body = h('div', { id: 'resource-list' });
  view.replaceChildren(h('h2', {}, 'Tenants and resources'), filter, tabs, body);
  return {
    async refresh() {
      const list = await getJson(`/resources/${kind.key}?` + new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== 'kind' && v !== '')).toString());
      // a shared row (a provider's network, a granted cloud) listed across all subscriptions opens per subscription
      const rows = list.rows.map(r => h('tr', r.subscription ? { class: 'clickable', 'data-id': r.id, onclick: () => go(`/resource/${kind.key}/${r.subscription}/${encodeURIComponent(r.id)}`) } : { 'data-id': r.id },
        h('td', {}, r.subscription ? h('a', { href: `#/resource/${kind.key}/${r.subscription}/${encodeURIComponent(r.id)}` }, r.name)
          : h('span', { title: 'Shared: pick a subscription to open it' }, r.name)),
        h('td', {}, stateBadge(r.state)),
        r.cells.map(c => h('td', {}, c)),
        h('td', { class: 'muted' }, r.subscription || '')));
      const page = Number(query.page);
      body.replaceChildren(
        rows.length ? table(['Name', 'State', ...list.columns, 'Subscription'], rows, { 'data-kind': kind.key })
          : h('p', { class: 'muted' }, 'Nothing matches.'),
        h('div', { class: 'pager' },
          h('button', { class: 'secondary', disabled: page === 0, onclick: () => go('/resources', { ...query, page: page - 1 }) }, '← Previous'),
          h('span', {}, `Page ${page + 1}`),
          h('button', { class: 'secondary', disabled: !list.hasNext, onclick: () => go('/resources', { ...query, page: page + 1 }) }, 'Next →')));
    },
  };
}

async function resourceView(kindKey, subscription, id) {
  const header = h('div', { id: 'resource-header' });
  const ops = h('div', { class: 'ops', id: 'resource-operations' });
  const sections = h('div', { id: 'resource-sections' });
  const jobs = h('div', { id: 'resource-jobs' });
  const requests = h('div', { id: 'resource-requests' });
  const representation = h('div', { id: 'resource-representation' });
  view.replaceChildren(h('p', {}, h('a', { href: `#/resources?kind=${kindKey}&subscription=${subscription}` }, '← back to the list')),
    header, ops, sections,
    h('div', { class: 'split' },
      h('div', {}, h('h3', {}, 'Jobs'), jobs, h('h3', {}, 'Requests that touched it'), requests),
      h('div', {}, h('h3', {}, 'As the API returns it'), representation)));
  const base = `/resources/${kindKey}/${subscription}/${encodeURIComponent(id)}`;
  let opsDrawn = null;
  return {
    async refresh() {
      const d = await getJson(base);
      header.replaceChildren(h('h2', {}, d.name, ' ', stateBadge(d.state)),
        h('p', { class: 'muted' }, `${kindKey} · subscription ${d.subscription} · id ${d.id}`));
      // redrawn only when the offer changes (Repair appears after a failed job), so a value being typed stays
      const offered = JSON.stringify(d.operations);
      if (offered !== opsDrawn) {
        ops.replaceChildren(...d.operations.map(o => operationControl(o, d.name)));
        opsDrawn = offered;
      }
      sections.replaceChildren(...d.sections.map(s => h('div', { 'data-section': s.title }, h('h3', {}, s.title),
        s.rows.length ? table(s.columns, s.rows.map((r, i) => h('tr', s.links ? { class: 'clickable', onclick: () => go('/resource/' + s.links[i]) } : {},
          r.map((c, j) => h('td', {}, j === 1 && /status|state/i.test(s.columns[1]) ? stateBadge(c) : c))))) : h('p', { class: 'muted' }, 'None.'))));
      const rep = d.representation;
      representation.replaceChildren(rep ? h('div', {}, h('p', { class: 'muted' }, `${rep.request} → ${rep.status}`),
        h('pre', { id: 'representation-body' }, pretty(rep.body, rep.contentType))) : h('p', { class: 'muted' }, 'Not available.'));
      const jobList = await getJson(base + '/jobs');
      jobs.replaceChildren(jobList.length ? jobTable(jobList) : h('p', { class: 'muted' }, 'No jobs.'));
      const reqs = await getJson(base + '/requests');
      requests.replaceChildren(reqs.length ? journalTable(reqs, e => go('/journal', { entry: e.sequence })) : h('p', { class: 'muted' }, 'None in the journal.'));
    },
  };
}

/**
 * One operation: a button, or with a choice a small form (a list of the values the API takes, or a whole number)
 * whose value is sent as that member of the body.
 */
function operationControl(o, name) {
  const body = () => (o.body ? JSON.parse(o.body) : undefined);
  if (!o.choice) {
    return h('button', { 'data-operation': o.label, class: o.label === 'Delete' ? 'danger' : null, onclick: () => act(`${o.label} ${name}`, 'POST', '/actions/' + o.action, body()) }, o.label);
  }
  const c = o.choice;
  const input = c.options.length
    ? h('select', { name: c.member, 'aria-label': c.label }, c.options.map(v => h('option', { value: v, selected: v === c.initial }, v)))
    : h('input', { name: c.member, type: 'number', min: c.min, max: c.max, step: 1, value: c.initial, 'aria-label': c.label, class: 'number' });
  return h('form', { class: 'inline op', 'data-operation-form': o.label, onsubmit: e => {
    e.preventDefault();
    const value = c.options.length ? input.value : Number(input.value);
    act(`${o.label} ${name} (${c.member} ${value})`, 'POST', '/actions/' + o.action, { ...(body() || {}), [c.member]: value });
  } }, h('label', {}, c.label, input), h('button', { type: 'submit', 'data-operation': o.label }, o.label));
}

function pretty(body, contentType) {
  if (!body) return '';
  if ((contentType || '').includes('json')) {
    try { return JSON.stringify(JSON.parse(body), null, 2); } catch (e) { return body; }
  }
  return body.replace(/></g, '>\n<');
}

// ---- journal ------------------------------------------------------------------------------------------------

function journalTable(entries, open) {
  return table(['#', 'Time', 'API', 'Method', 'Path', 'Status', 'ms'], entries.map(e => h('tr', { class: 'clickable', 'data-sequence': e.sequence, onclick: () => open(e) },
    h('td', {}, e.sequence), h('td', {}, e.time.substring(11, 23)), h('td', {}, e.api), h('td', {}, e.method),
    h('td', {}, e.path + (e.query ? '?' + e.query : '')),
    h('td', {}, e.connectionDropped ? stateBadge('Dropped') : h('span', { class: 'state ' + (e.status >= 400 ? 'bad' : 'ok') }, String(e.status))),
    h('td', {}, e.durationMillis))), { class: 'journal' });
}

function curlOf(e) {
  const quote = s => `'${String(s).replace(/'/g, `'\\''`)}'`;
  const skip = /^(host|content-length|connection|accept-encoding|user-agent|sec-|origin|referer|cookie)/i;
  const url = `${location.protocol}//${location.host}${e.path}${e.query ? '?' + e.query : ''}`;
  const parts = ['curl', '-X', e.method, quote(url)];
  for (const [name, value] of Object.entries(e.requestHeaders || {})) {
    if (skip.test(name)) continue;
    parts.push('-H', quote(`${name}: ${value === '***' ? '<' + name + '>' : value}`));
  }
  if (e.requestBody) parts.push('--data-raw', quote(e.requestBody));
  return parts.join(' ');
}

async function copy(text) {
  try { await navigator.clipboard.writeText(text); return true; } catch (e) {
    const area = h('textarea', {}, text);
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function headersList(headers) {
  const entries = Object.entries(headers || {});
  return entries.length ? h('dl', { class: 'headers' }, entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : h('p', { class: 'muted' }, 'None kept.');
}

function journalView() {
  const p = params();
  const filters = {};
  const field = (name, label, placeholder, options) => {
    const input = options
      ? h('select', { name, 'aria-label': label }, options.map(o => h('option', { value: o, selected: o === (p.get(name) || '') }, o || 'any')))
      : h('input', { name, value: p.get(name) || '', placeholder, 'aria-label': label });
    filters[name] = input;
    return h('label', {}, label, input);
  };
  const form = h('form', { class: 'toolbar', onsubmit: e => { e.preventDefault(); go('/journal', Object.fromEntries(Object.entries(filters).map(([k, i]) => [k, i.value]))); } },
    field('api', 'API', '', ['', 'VMM', 'ASM', 'VM_ROLES', 'SUBSCRIPTIONS', 'DASHBOARD']),
    field('subscription', 'Tenant (subscription)', 'GUID'),
    field('method', 'Method', '', ['', 'GET', 'POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']),
    field('status', 'Status', '404 or 4xx'),
    field('path', 'Path contains', '/Services'),
    h('button', { type: 'submit' }, 'Filter'));
  const list = h('div', { id: 'journal-list' });
  const detail = h('div', { id: 'journal-detail', class: 'panel' }, h('p', { class: 'muted' }, 'Select a request to see its headers and bodies.'));
  view.replaceChildren(h('h2', {}, 'Request journal (live)'), form, h('div', { class: 'split' }, list, detail));
  const open = async e => {
    const full = await getJson('/journal/' + e.sequence);
    const curl = curlOf(full);
    detail.replaceChildren(
      h('h3', {}, `${full.method} ${full.path}`), h('p', {}, 'Status ', String(full.status ?? 'connection dropped'), ` · ${full.durationMillis} ms · ${full.principal || 'no principal'}`, full.jobId ? ` · job ${full.jobId}` : ''),
      h('button', { id: 'copy-curl', onclick: async () => notice(await copy(curl) ? 'Copied as curl' : 'Copy failed; select the text below', 'ok') }, 'Copy as curl'),
      h('pre', { id: 'curl-text' }, curl),
      h('h3', {}, 'Request headers'), headersList(full.requestHeaders),
      h('h3', {}, 'Request body', full.requestBodyTruncated ? ' (truncated)' : ''), h('pre', { id: 'request-body' }, full.requestBody || ''),
      h('h3', {}, 'Response headers'), headersList(full.responseHeaders),
      h('h3', {}, 'Response body', full.responseBodyTruncated ? ' (truncated)' : ''), h('pre', { id: 'response-body' }, pretty(full.responseBody || '', (full.responseHeaders || {})['Content-Type'])));
  };
  const query = new URLSearchParams([...p.entries()].filter(([k, v]) => k !== 'entry' && v !== '')).toString();
  if (p.get('entry')) open({ sequence: p.get('entry') }).catch(() => {});
  return {
    async refresh() {
      const j = await getJson('/journal' + (query ? '?' + query : ''));
      list.replaceChildren(h('p', { class: 'muted' }, `${j.entries.length} shown · ${j.size} of ${j.capacity} kept`),
        j.entries.length ? journalTable(j.entries, open) : h('p', { class: 'muted' }, 'No requests match.'));
    },
    onRequest() { scheduleRefresh(); },
  };
}

// ---- controls -----------------------------------------------------------------------------------------------

async function controlsView() {
  const overview = await getJson('/overview');
  const subs = await getJson('/subscriptions');
  const subSelect = (name, any) => h('select', { name, 'aria-label': 'Subscription' }, any ? h('option', { value: '' }, any) : null,
    subs.rows.map(s => h('option', { value: s.id }, `${s.name} (${s.id.substring(0, 8)}…)`)));

  const resetSub = subSelect('reset-subscription');
  const reset = h('div', { class: 'panel', id: 'reset-panel' }, h('h3', {}, 'Reset'),
    h('div', { class: 'ops' },
      h('button', { class: 'danger', id: 'reset-all', onclick: () => act('Reset everything', 'POST', '/actions/reset') }, 'Reset everything to the fixtures'),
      resetSub, h('button', { class: 'secondary', id: 'reset-one', onclick: () => act('Reset subscription', 'POST', '/actions/reset/' + resetSub.value) }, 'Reset this subscription')));

  const snapSub = subSelect('snapshot-subscription', 'Everything');
  const snapList = h('div', { id: 'snapshot-list' });
  const snapshots = h('div', { class: 'panel' }, h('h3', {}, 'Snapshots'),
    h('div', { class: 'ops' }, snapSub, h('button', { id: 'take-snapshot', onclick: () => act('Snapshot', 'POST', '/actions/snapshots' + (snapSub.value ? '?subscription=' + snapSub.value : '')) }, 'Take a snapshot')), snapList);

  const setSelect = h('select', { name: 'fixture-set', 'aria-label': 'Fixture set' }, overview.fixtureSets.map(s => h('option', { value: s }, s)));
  const replace = h('input', { type: 'checkbox', name: 'replace', checked: true });
  const fixtures = h('div', { class: 'panel' }, h('h3', {}, 'Fixture sets'),
    h('div', { class: 'ops' }, setSelect, h('label', {}, replace, ' replace what is there'),
      h('button', { id: 'load-fixtures', onclick: () => act('Load ' + setSelect.value, 'POST', `/actions/fixtures/${encodeURIComponent(setSelect.value)}/load?replace=${replace.checked}`) }, 'Load')));

  const kindsList = Object.keys(overview.timing || {});
  const fOp = h('select', { name: 'operation', 'aria-label': 'Job kind' }, h('option', { value: '*' }, '* (every kind)'), kindsList.map(k => h('option', { value: k }, k)));
  const fCode = h('input', { name: 'errorCode', value: '2602', size: 6, 'aria-label': 'VMM error code' });
  const fMessage = h('input', { name: 'message', value: 'Failed on purpose from the dashboard', size: 30, 'aria-label': 'Message' });
  const fTimes = h('input', { name: 'times', placeholder: 'once', size: 5, 'aria-label': 'Times' });
  const jobFaultForm = h('form', { class: 'inline', id: 'job-fault-form', onsubmit: e => { e.preventDefault();
    const body = { operation: fOp.value, errorCode: Number(fCode.value), message: fMessage.value };
    if (fTimes.value) body.times = Number(fTimes.value);
    act('Add job fault rule', 'POST', '/actions/faults/jobs', body); } },
    h('label', {}, 'Job kind', fOp), h('label', {}, 'Error code', fCode), h('label', {}, 'Message', fMessage), h('label', {}, 'Times', fTimes),
    h('button', { type: 'submit' }, 'Add job fault'));

  const hMethod = h('select', { name: 'method', 'aria-label': 'Method' }, ['', 'GET', 'POST', 'PUT', 'PATCH', 'MERGE', 'DELETE'].map(m => h('option', { value: m }, m || 'any')));
  const hPath = h('input', { name: 'path', value: '/*/services/systemcenter/vmm/*', size: 34, 'aria-label': 'Path glob' });
  const hSub = subSelect('http-fault-subscription', 'any');
  const hStatus = h('input', { name: 'status', value: '503', size: 4, 'aria-label': 'Status' });
  const hTimes = h('input', { name: 'times', placeholder: 'always', size: 5, 'aria-label': 'Times' });
  const httpFaultForm = h('form', { class: 'inline', id: 'http-fault-form', onsubmit: e => { e.preventDefault();
    const body = { path: hPath.value, status: Number(hStatus.value) };
    if (hMethod.value) body.method = hMethod.value;
    if (hSub.value) body.subscription = hSub.value;
    if (hTimes.value) body.times = Number(hTimes.value);
    act('Add HTTP fault rule', 'POST', '/actions/faults/http', body); } },
    h('label', {}, 'Method', hMethod), h('label', {}, 'Path', hPath), h('label', {}, 'Subscription', hSub), h('label', {}, 'Status', hStatus), h('label', {}, 'Times', hTimes),
    h('button', { type: 'submit' }, 'Add HTTP fault'));
  const faultList = h('div', { id: 'fault-list' });
  const faults = h('div', { class: 'panel' }, h('h3', {}, 'Fault rules'), jobFaultForm, h('p'), httpFaultForm, faultList);

  const tKind = h('select', { name: 'kind', 'aria-label': 'Job kind' }, kindsList.map(k => h('option', { value: k }, k)));
  const tMode = h('select', { name: 'mode', 'aria-label': 'Mode' }, ['immediate', 'duration', 'polls'].map(m => h('option', { value: m }, m)));
  const tValue = h('input', { name: 'value', placeholder: 'PT20S or 3', size: 8, 'aria-label': 'Duration or polls' });
  const timingForm = h('form', { class: 'inline', id: 'timing-form', onsubmit: e => { e.preventDefault();
    const body = { mode: tMode.value };
    if (tMode.value === 'duration') body.duration = tValue.value;
    if (tMode.value === 'polls') body.polls = Number(tValue.value);
    act('Timing of ' + tKind.value, 'PUT', '/actions/timing/' + encodeURIComponent(tKind.value), body); } },
    h('label', {}, 'Job kind', tKind), h('label', {}, 'Mode', tMode), h('label', {}, 'Duration / polls', tValue),
    h('button', { type: 'submit' }, 'Set'));
  const timingList = h('div', { id: 'timing-list' });
  const timing = h('div', { class: 'panel' }, h('h3', {}, 'Timing modes'), timingForm, timingList);

  view.replaceChildren(h('h2', {}, 'Controls'), reset, faults, timing, snapshots, fixtures);
  return {
    async refresh() {
      const o = await getJson('/overview');
      faultList.replaceChildren(table(['Rule', 'Effect', 'Fired / left', ''], [
        ...o.jobFaults.map(r => h('tr', { 'data-fault': r.id }, h('td', {}, 'Job: ' + r.operation), h('td', {}, `error ${r.errorCode}: ${r.message}`), h('td', {}, String(r.times)),
          h('td', {}, h('button', { class: 'secondary', onclick: () => act('Remove job fault', 'DELETE', '/actions/faults/jobs/' + r.id) }, 'Remove')))),
        ...o.httpFaults.map(r => h('tr', { 'data-fault': r.id }, h('td', {}, `HTTP: ${r.method || 'any'} ${r.path}`), h('td', {}, r.drop ? 'drop' : `status ${r.status ?? ''}${r.delayMs ? ' after ' + r.delayMs + ' ms' : ''}`),
          h('td', {}, `${r.fired ?? 0} / ${r.times ?? 'always'}`),
          h('td', {}, h('button', { class: 'secondary', onclick: () => act('Remove HTTP fault', 'DELETE', '/actions/faults/http/' + r.id) }, 'Remove')))),
      ]));
      const overridden = Object.entries(o.timing || {}).filter(([, t]) => t.source === 'override');
      timingList.replaceChildren(overridden.length ? table(['Kind', 'Mode', ''], overridden.map(([k, t]) => h('tr', {},
        h('td', {}, k), h('td', {}, t.mode + (t.duration ? ' ' + t.duration : '') + (t.polls ? ' ' + t.polls + ' polls' : '')),
        h('td', {}, h('button', { class: 'secondary', onclick: () => act('Timing of ' + k, 'DELETE', '/actions/timing/' + encodeURIComponent(k)) }, 'Back to configured'))))) : h('p', { class: 'muted' }, `Every kind as configured (duration factor ${o.durationFactor}).`));
      const kept = await getJson('/snapshots');
      snapList.replaceChildren(kept.length ? table(['#', 'Taken', 'Scope', 'Size', ''], kept.map(s => h('tr', { 'data-snapshot': s.number },
        h('td', {}, s.number), h('td', {}, s.at), h('td', {}, s.scope), h('td', {}, `${s.bytes} bytes`),
        h('td', {}, h('button', { class: 'secondary', onclick: () => act('Restore snapshot ' + s.number, 'POST', `/actions/snapshots/${s.number}/restore`) }, 'Restore'), ' ',
          h('a', { href: `${API}/snapshots/${s.number}`, download: `localpack-snapshot-${s.number}.sql` }, 'Download'))))) : h('p', { class: 'muted' }, 'None taken yet.'));
    },
  };
}

// ---- router -------------------------------------------------------------------------------------------------

async function render() {
  const [section, ...rest] = route();
  document.getElementById('notice').hidden = true;
  document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active',
    a.dataset.nav === (section === 'resource' ? 'resources' : section || 'overview')));
  try {
    if (section === 'resources') current = await resourcesView();
    else if (section === 'resource') current = await resourceView(rest[0], rest[1], decodeURIComponent(rest.slice(2).join('/')));
    else if (section === 'journal') current = journalView();
    else if (section === 'controls') current = await controlsView();
    else current = overviewView();
    await current.refresh();
  } catch (e) {
    view.replaceChildren(h('p', { class: 'error' }, 'Could not load this view: ' + e.message));
  }
}

window.addEventListener('hashchange', render);
connect();
render();
