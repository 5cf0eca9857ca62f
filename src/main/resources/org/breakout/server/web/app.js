'use strict';
// The organisers' page: a thin client of the REST API (docs/api.md). No attendee name ever goes into a URL:
// searches are POSTed, attendees are addressed by id.
const main = document.getElementById('main');
let source = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(method, path, body, contentType) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.body = body;
    options.headers['Content-Type'] = contentType || 'application/json';
  }
  const response = await fetch(path, options);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(data.detail || response.statusText);
    error.problem = data; error.status = response.status;
    throw error;
  }
  return data;
}

function problemBox(error) {
  const p = error.problem || {};
  return el('div', { class: 'problem', role: 'alert' },
    el('strong', {}, p.title || 'Something went wrong'),
    el('p', {}, p.problems ? 'Nothing was changed. Fix these and upload again:' : (p.detail || error.message)),
    p.problems ? el('ul', {}, p.problems.map(x => el('li', {},
      [x.file, x.where].filter(Boolean).join(', ') + (x.file || x.where ? ': ' : '') + x.message))) : null);
}

async function guarded(target, action) {
  try { await action(); } catch (error) {
    if (error.status === 401) { signIn(); return; }
    target.replaceChildren(problemBox(error));
  }
}

function fileInput(id, label, accept) {
  return el('label', { for: id }, label + ' ', el('input', { type: 'file', id, accept }));
}

function signIn() {
  const message = el('div');
  const token = el('input', { type: 'password', id: 'token', autocomplete: 'off', size: 40 });
  main.replaceChildren(el('section', {}, el('h2', {}, 'Sign in'),
    el('p', {}, 'This server is public: give your organiser token (shown once when the server first started).'),
    el('form', { onsubmit: async e => { e.preventDefault();
      await guarded(message, async () => { await api('POST', '/api/session', JSON.stringify({ token: token.value })); route(); }); } },
      el('label', { for: 'token' }, 'Organiser token ', token), ' ', el('button', { type: 'submit' }, 'Sign in')), message));
}

async function home() {
  const list = el('ul', { class: 'events' });
  const message = el('div');
  main.replaceChildren(
    el('section', {}, el('h2', {}, 'New event'),
      el('p', {}, 'Start from your programme: an event file (JSON) with rounds, rooms and sessions. ',
        el('span', { class: 'muted' }, 'Or try the bundled example: the G40 network day in Schiedam, with 400 registrations.')),
      fileInput('programme-file', 'Programme file', '.json,application/json'), ' ',
      el('button', { id: 'create-event', onclick: () => guarded(message, async () => {
        const file = document.getElementById('programme-file').files[0];
        if (!file) throw Object.assign(new Error('choose a programme file first'), { problem: { title: 'No file', detail: 'Choose a programme file first.' } });
        const event = await api('POST', '/api/events?filename=' + encodeURIComponent(file.name), file);
        location.hash = '#/events/' + event.id;
      }) }, 'Create event'), ' ',
      el('button', { id: 'example', class: 'secondary', onclick: () => guarded(message, async () => {
        const event = await api('POST', '/api/examples/schiedam');
        sessionStorage.setItem('upload-' + event.id, JSON.stringify(event.upload));
        location.hash = '#/events/' + event.id;
      }) }, 'Open the Schiedam example'), message),
    el('section', {}, el('h2', {}, 'Your events'), list));
  await guarded(message, async () => {
    const events = await api('GET', '/api/events');
    if (!events.length) list.append(el('li', { class: 'muted' }, 'No events yet.'));
    for (const e of events) list.append(el('li', {}, el('a', { href: '#/events/' + e.id }, e.name), ' ',
      el('span', { class: 'muted' }, new Date(e.createdAt).toLocaleString())));
  });
}

function importReport(upload, event, onConfirmed) {
  const inputs = [];
  const columns = el('table', {}, el('tr', {}, el('th', {}, 'Column'), el('th', {}, 'Header'), el('th', {}, 'Read as'), el('th', {}, 'From')),
    upload.report.columns.map(c => {
      const input = el('input', { value: c.use, size: 18, 'aria-label': `Column ${c.column} read as`, 'data-column': c.column });
      inputs.push({ column: c.column, use: c.use, input });
      return el('tr', {}, el('td', {}, c.column), el('td', {}, c.header), el('td', {}, input), el('td', {}, c.from));
    }));
  const message = el('div');
  const section = el('section', { id: 'import' }, el('h2', {}, 'Check the import of ' + upload.fileName),
    el('p', {}, 'This is how the export was read. Nothing is used until you confirm.'),
    el('h3', {}, 'Report'), el('pre', { id: 'import-report' }, upload.reportText || ''),
    el('h3', {}, 'Columns as guessed'),
    el('p', { class: 'muted' }, 'A column read wrongly? Write what it is (name, email, timestamp, tag:PREFIX, tags:PREFIX, rounds, choice:ROUND:RANK, ranking:ROUND, ignore, …; see docs/import.md) and read the export again.'),
    columns,
    el('p', {}, el('button', { id: 'reimport', class: 'secondary', onclick: () => guarded(message, async () => {
      const changed = {};
      for (const c of inputs) if (c.input.value.trim() !== c.use) changed[c.column] = c.input.value.trim();
      const again = await api('POST', `/api/events/${event.id}/registrations/${upload.id}/reimport`, JSON.stringify({ columns: changed }));
      sessionStorage.setItem('upload-' + event.id, JSON.stringify(again));
      section.replaceWith(importReport(again, event, onConfirmed));
    }) }, 'Read again with these columns')),
    upload.warnings && upload.warnings.length ? el('div', {}, el('h3', {}, 'Warnings'), el('ul', {}, upload.warnings.map(w => el('li', {}, w)))) : null,
    el('p', {}, el('button', { id: 'confirm-import', onclick: () => guarded(message, async () => {
      await api('POST', `/api/events/${event.id}/registrations/${upload.id}/confirm`);
      sessionStorage.removeItem('upload-' + event.id);
      onConfirmed();
    }) }, 'Use these registrations')), message);
  return section;
}

async function eventPage(id) {
  const event = await api('GET', '/api/events/' + id);
  const importArea = el('div');
  const solveArea = el('div');
  const resultArea = el('div');
  const message = el('div');
  const staged = sessionStorage.getItem('upload-' + id);
  const reload = () => route();

  const summary = el('section', {}, el('h2', { id: 'event-name' }, event.name),
    el('p', {}, `${event.rounds} rounds · ${event.rooms} rooms · ${event.sessions} sessions · `,
      el('strong', { id: 'attendee-count' }, `${event.attendees} attendees`)),
    el('h3', {}, 'Registrations'),
    el('p', {}, 'Upload the responses of your registration form (CSV, TSV or .xlsx).'),
    fileInput('registrations-file', 'Registration export', '.csv,.tsv,.txt,.xlsx'), ' ',
    el('button', { id: 'upload-registrations', onclick: () => guarded(message, async () => {
      const file = document.getElementById('registrations-file').files[0];
      if (!file) return;
      message.replaceChildren();
      const upload = await api('POST', `/api/events/${id}/registrations?filename=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
      sessionStorage.setItem('upload-' + id, JSON.stringify(upload));
      importArea.replaceChildren(importReport(upload, event, reload));
    }) }, 'Upload and check'), message);
  if (staged) importArea.replaceChildren(importReport(JSON.parse(staged), event, reload));

  const timeLimit = el('input', { id: 'time-limit', value: '5m', size: 6 });
  const unimproved = el('input', { id: 'unimproved-limit', value: '20s', size: 6 });
  solveArea.replaceChildren(el('section', {}, el('h2', {}, 'Solve'),
    el('label', { for: 'time-limit' }, 'Stop after at most ', timeLimit),
    el('label', { for: 'unimproved-limit' }, 'or when not improved for ', unimproved),
    el('button', { id: 'solve', disabled: event.attendees === 0, onclick: () => guarded(message, async () => {
      const job = await api('POST', `/api/events/${id}/jobs`, JSON.stringify({ timeLimit: timeLimit.value, unimprovedLimit: unimproved.value }));
      watch(job, progressArea, reload);
    }) }, 'Solve'), event.attendees === 0 ? el('span', { class: 'muted' }, ' (upload registrations first)') : null,
    el('div', { id: 'progress-area' })));
  const progressArea = solveArea.querySelector('#progress-area');
  const active = event.jobs.filter(j => j.state === 'queued' || j.state === 'running');
  if (active.length) watch(active[active.length - 1], progressArea, reload);

  const versions = el('section', {}, el('h2', {}, 'Schedules'),
    event.versions.length ? el('table', { id: 'versions' }, el('tr', {}, el('th', {}, 'Version'), el('th', {}, 'Made by'), el('th', {}, 'Score'), el('th', {}, 'Published'), el('th', {})),
      event.versions.map(v => el('tr', {}, el('td', {}, 'v' + v.number), el('td', {}, v.origin), el('td', {}, v.score),
        el('td', {}, v.publishedAt ? new Date(v.publishedAt).toLocaleString() : '—'),
        el('td', {}, el('a', { href: `#/events/${id}/versions/${v.id}` }, 'open'))))) : el('p', { class: 'muted' }, 'No schedule yet.'));
  const failed = event.jobs.filter(j => j.state === 'failed' || j.state === 'interrupted').slice(-3)
    .map(j => el('p', { class: 'muted' }, `Job ${j.id} (${j.kind}): ${j.state}${j.error ? ' — ' + j.error : ''}`));
  main.replaceChildren(summary, importArea, solveArea, versions, ...failed, resultArea);
}

function watch(job, area, done) {
  if (source) source.close();
  if (window.breakoutClock) clearInterval(window.breakoutClock);
  const fields = { state: el('dd', { id: 'job-state' }, job.state), elapsed: el('dd', { id: 'elapsed' }, '—'),
    score: el('dd', { id: 'best-score' }, '—'), seats: el('dd', { id: 'seats' }, '—'), gap: el('dd', { id: 'gap' }, '—') };
  const stop = el('button', { id: 'stop', class: 'secondary', onclick: () => guarded(area, () => api('POST', `/api/jobs/${job.id}/stop`)) }, 'Stop (keep the best so far)');
  area.replaceChildren(el('div', { class: 'progress', id: 'progress' }, el('dl', {},
    el('dt', {}, 'Job'), fields.state, el('dt', {}, 'Elapsed'), fields.elapsed, el('dt', {}, 'Best score'), fields.score,
    el('dt', {}, 'Seats filled'), fields.seats, el('dt', {}, 'Gap to the bound'), fields.gap), stop));
  source = new EventSource(`/api/jobs/${job.id}/progress`);
  // The elapsed time runs on between the solver's reports (they come with each better schedule).
  let reported = null;
  const clock = setInterval(() => {
    if (reported) fields.elapsed.textContent = ((reported.ms + performance.now() - reported.at) / 1000).toFixed(1) + ' s';
  }, 500);
  window.breakoutClock = clock;
  const show = p => {
    if (!p || p.elapsedMs === undefined) return;
    reported = { ms: p.elapsedMs, at: performance.now() };
    fields.state.textContent = 'running';
    fields.elapsed.textContent = (p.elapsedMs / 1000).toFixed(1) + ' s';
    fields.score.textContent = p.score + (p.feasible ? ' (feasible)' : '');
    fields.seats.textContent = `${p.seatsFilled} of ${p.seatsWanted}`;
    fields.gap.textContent = p.gap ? `${p.gap.seats} seat(s); cost at most ${p.gap.cost} above the bound${p.bound.exact ? ' (exact bound)' : ''}` : 'bound not known yet';
  };
  source.addEventListener('job', e => { const j = JSON.parse(e.data); fields.state.textContent = j.state; show(j.progress); });
  source.addEventListener('progress', e => show(JSON.parse(e.data)));
  source.addEventListener('end', e => {
    source.close(); source = null;
    clearInterval(clock);
    const j = JSON.parse(e.data);
    show(j.progress);
    reported = null;
    fields.state.textContent = j.state + (j.error ? ' — ' + j.error : '');
    stop.disabled = true;
    if (j.versionId) location.hash = `#/events/${j.eventId}/versions/${j.versionId}`;
    else done();
  });
}

async function versionPage(eventId, versionId) {
  const [event, version] = await Promise.all([api('GET', '/api/events/' + eventId), api('GET', '/api/versions/' + versionId)]);
  const base = `/api/versions/${versionId}`;
  const s = version.summary || {};
  const message = el('div');
  const explainArea = el('div', { id: 'explain' });
  const results = el('ul', { id: 'search-results' });
  const query = el('input', { id: 'attendee-query', type: 'search', size: 30 });
  const publish = el('button', { id: 'publish', disabled: !!version.publishedAt, onclick: () => guarded(message, async () => {
    await api('POST', base + '/publish'); route(); }) }, version.publishedAt ? 'Published' : 'Publish this version');
  const downloads = el('p', { class: 'downloads' },
    el('a', { id: 'download-schedule', href: base + '/schedule.json', download: true }, 'schedule.json'),
    version.exports.map(f => el('a', { href: `${base}/exports/${f}?download`, download: true, 'data-file': f }, f)),
    el('a', { href: base + '/exports/export.zip', download: true }, 'everything (.zip, with personal calendars)'));
  const changes = el('div');
  if (version.hasChangeReport) {
    api('GET', base + '/changes.json').then(report => changes.replaceChildren(el('section', { id: 'changes' }, el('h2', {}, 'What changed'),
      el('pre', {}, report.text || ''), el('p', {}, el('a', { id: 'notify-csv', href: base + '/notify.csv', download: true }, 'Attendees to notify (CSV)')))));
  }
  const reallocateMessage = el('div');
  const policy = el('select', { id: 'policy' }, ['minimal', 'frozen', 'free'].map(p => el('option', { value: p }, p)));
  const cancelMissing = el('input', { type: 'checkbox', id: 'cancel-missing' });
  const reallocate = el('section', {}, el('h2', {}, 'Late registrations'),
    el('p', {}, event.published ? 'Upload the current export of the form: it is compared with the published version, newcomers get seats, and the policy decides which published seats may move.'
      : 'Publish a version first; later exports are then reallocated against it.'),
    fileInput('changes-file', 'Current export', '.csv,.tsv,.txt,.xlsx,.json'),
    el('label', { for: 'policy' }, 'Policy ', policy),
    el('label', { for: 'cancel-missing' }, cancelMissing, ' cancel people no longer in the export'),
    el('button', { id: 'reallocate', disabled: !event.published, onclick: () => guarded(reallocateMessage, async () => {
      const file = document.getElementById('changes-file').files[0];
      if (!file) return;
      const job = await api('POST', `/api/events/${eventId}/reallocations?filename=${encodeURIComponent(file.name)}&policy=${policy.value}&cancelMissing=${cancelMissing.checked}`, file, 'application/octet-stream');
      reallocateMessage.replaceChildren(el('pre', {}, job.exportSummary || ''), el('div', { id: 'reallocate-progress' }));
      watch(job, reallocateMessage.querySelector('#reallocate-progress'), () => route());
    }) }, 'Reallocate'), reallocateMessage);

  main.replaceChildren(
    el('p', {}, el('a', { href: '#/events/' + eventId }, '← ' + event.name)),
    el('section', {}, el('h2', { id: 'version-title' }, `Schedule version ${version.number}`),
      el('p', { id: 'version-summary' }, `Score ${version.score} · ${s.seatsFilled} of ${s.seatsWanted} wanted seats filled · preference cost ${s.preferenceCost}`),
      version.progress ? el('p', { id: 'version-solve', class: 'muted' }, `Made by a ${version.origin} job in ${(version.progress.elapsedMs / 1000).toFixed(1)} s`
        + (version.progress.gap ? ` · gap to the bound: ${version.progress.gap.seats} seat(s), preference cost at most ${version.progress.gap.cost} above it${version.progress.bound.exact ? ' (the bound is exact)' : ''}` : '')) : null,
      el('p', {}, publish, ' ', el('span', { class: 'muted' }, 'Publishing marks the version that attendees received; late registrations are reallocated against it.')), message,
      el('h3', {}, 'Downloads'), downloads),
    changes,
    el('section', {}, el('h2', {}, 'Timetable, satisfaction and the attendees who fared worst'),
      el('iframe', { class: 'timetable', id: 'timetable', title: 'Timetable', src: base + '/exports/timetable.html' })),
    el('section', {}, el('h2', {}, 'Find an attendee'),
      el('form', { onsubmit: e => { e.preventDefault(); guarded(explainArea, async () => {
        const found = await api('POST', base + '/attendees/search', JSON.stringify({ query: query.value }));
        results.replaceChildren(...found.attendees.map(a => el('li', {}, el('button', { class: 'secondary', 'data-attendee': a.id,
          onclick: () => guarded(explainArea, async () => explain(await api('GET', `${base}/attendees/${encodeURIComponent(a.id)}/explain`), explainArea)) }, `${a.name} (${a.id})`))));
        if (!found.attendees.length) results.replaceChildren(el('li', { class: 'muted' }, 'Nobody found.'));
      }); } }, el('label', { for: 'attendee-query' }, 'Name, e-mail or id ', query), ' ', el('button', { type: 'submit', id: 'search' }, 'Search')),
      results, explainArea),
    reallocate);
}

function explain(account, area) {
  area.replaceChildren(el('h3', {}, `${account.name} (${account.id})`), el('table', {},
    el('tr', {}, el('th', {}, 'Round'), el('th', {}, 'Seat'), el('th', {}, 'Why not a better choice')),
    account.rounds.map(r => el('tr', {}, el('td', {}, r.roundName),
      el('td', {}, r.session ? `${r.title} (${r.session}, ${r.room}; ${r.rank ? 'choice ' + r.rank : 'unranked'})` : 'no seat'),
      el('td', {}, r.whyNotBetter.length ? el('ul', {}, r.whyNotBetter.map(w => el('li', {}, `${w.title || w.session} (choice ${w.rank}): ${w.text}`))) : '—')))));
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const target = el('div');
  try {
    const session = await api('GET', '/api/session');
    if (session.public && !session.signedIn) { signIn(); return; }
    if (parts[0] === 'events' && parts[2] === 'versions') await versionPage(parts[1], parts[3]);
    else if (parts[0] === 'events' && parts[1]) await eventPage(parts[1]);
    else await home();
  } catch (error) {
    if (error.status === 401) { signIn(); return; }
    main.replaceChildren(target); target.replaceChildren(problemBox(error));
  }
}
window.addEventListener('hashchange', route);
route();
