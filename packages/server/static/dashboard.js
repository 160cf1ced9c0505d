// Organisation dashboard: fetches GET /v1/orgs/:orgId/dashboard with the admin token
// and renders it. Everything is written with textContent: no server string becomes HTML.
const form = document.getElementById('query');
const $ = (id) => document.getElementById(id);
const STATUSES = [['green', 'Green'], ['yellow', 'Yellow'], ['red', 'Red']];

// A one-click link carries the credentials in the fragment (`#org=…&token=…`), which
// browsers never send to the server, so the token stays out of access logs. Move them
// to this tab's sessionStorage and drop the fragment so it leaves no trace in history.
const fragment = new URLSearchParams(location.hash.slice(1));
const linked = fragment.has('org') && fragment.has('token');
if (linked) {
  sessionStorage.setItem('healthcode.orgId', fragment.get('org'));
  sessionStorage.setItem('healthcode.token', fragment.get('token'));
  history.replaceState(null, '', location.pathname + location.search);
}

// The token lives only for this tab.
for (const name of ['orgId', 'token']) form.elements[name].value = sessionStorage.getItem(`healthcode.${name}`) ?? '';

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = String(text);
  row.append(td);
}

function cards(container, byStatus) {
  container.replaceChildren(
    ...STATUSES.map(([key, label]) => {
      const card = document.createElement('div');
      card.className = `card ${key}`;
      const count = document.createElement('b');
      count.textContent = String(byStatus[key]);
      card.append(count, label);
      return card;
    }),
  );
}

function render(data) {
  $('title').textContent = `${data.name} · ${data.date}`;
  $('employee-total').textContent = `${data.employees.total} registered`;
  cards($('employee-cards'), data.employees.byStatus);
  const missing = data.employees.notDeclared.map((e) => {
    const row = document.createElement('tr');
    cell(row, e.employeeId);
    cell(row, e.label ?? '');
    return row;
  });
  if (missing.length === 0 && data.employees.total > 0) {
    // An empty table reads like a failed load; say that everyone has declared.
    const row = document.createElement('tr');
    cell(row, 'Everyone has declared today.');
    row.firstChild.colSpan = 2;
    missing.push(row);
  }
  $('not-declared').replaceChildren(...missing);
  $('visitor-total').textContent = `${data.visitors.total} people`;
  cards($('visitor-cards'), data.visitors.byStatus);
  $('venues').replaceChildren(
    ...data.venues.map((v) => {
      const row = document.createElement('tr');
      for (const value of [v.name, v.checkins, v.byStatus.green, v.byStatus.yellow, v.byStatus.red, v.rejected]) cell(row, value);
      return row;
    }),
  );
  $('generated').textContent = `Generated ${new Date(data.generatedAt).toLocaleString('zh-CN', { timeZone: data.timeZone, hour12: false })} (${data.timeZone})`;
  $('report').hidden = false;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const orgId = form.elements.orgId.value.trim();
  const token = form.elements.token.value.trim();
  const date = form.elements.date.value;
  sessionStorage.setItem('healthcode.orgId', orgId);
  sessionStorage.setItem('healthcode.token', token);
  $('error').textContent = '';
  const query = date ? `?date=${encodeURIComponent(date)}` : '';
  try {
    const response = await fetch(`/v1/orgs/${encodeURIComponent(orgId)}/dashboard${query}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`${body.error?.code ?? response.status}: ${body.error?.message ?? ''}`);
    render(body);
  } catch (err) {
    $('report').hidden = true;
    $('error').textContent = err instanceof Error ? err.message : String(err);
  }
});

if (linked) form.requestSubmit();
