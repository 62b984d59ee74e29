// Direct calls to the API, for preparing what a browser test starts from.

import { BASE_URL, DEMO_PASSWORD } from './browser.js';

/** Signs in `email` and returns `{ token, user }`. */
export async function apiSignIn(email, password = DEMO_PASSWORD) {
  const response = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status}`);
  const pair = await response.json();
  return { token: pair.access_token, user: pair.user };
}

/**
 * Sends `body` as JSON with the session's token and returns the decoded answer. A change
 * of a versioned record names the `version` it read (`If-Match`).
 */
export async function apiCall(session, method, path, body, version) {
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  if (version !== undefined) headers['if-match'] = `"${version}"`;
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The committee's registry row of the school with the short name `shortName`. */
export async function registryRow(session, shortName) {
  const page = await apiCall(session, 'GET', `/api/registry?q=${encodeURIComponent(shortName)}&per_page=100`);
  const row = page.items.find((school) => school.short_name === shortName);
  if (!row) throw new Error(`${shortName} is not in the registry`);
  return row;
}

/** The resources of the school `orgId` at `stage` (first page of 20), as the board asks for them. */
export async function stageResources(session, orgId, stage, q) {
  const query = new URLSearchParams({ org_id: String(orgId), stage, per_page: '20' });
  if (q) query.set('q', q);
  return apiCall(session, 'GET', `/api/resources?${query}`);
}

/** A small valid PDF document. */
export function pdfBuffer() {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
}

/** A date `days` from today (negative: before), as `YYYY-MM-DD` in UTC. */
export function isoDay(days = 0) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The card of an own-initiative platform project running from last school year to the
 * next; `fields` replace any of its fields.
 */
export function projectInput(title, fields = {}) {
  const year = new Date().getFullYear();
  return {
    title,
    problem: 'Школам района нужен инструмент оценки образовательных результатов',
    origin: 'own_initiative',
    level: 'platform',
    platform_status: 'municipal',
    start_year: year - 1,
    end_year: year + 1,
    ...fields,
  };
}

/** The council of СОШ № 61 registers the project `projectInput(title, fields)`. */
export function apiProject(council, title, fields = {}) {
  return apiCall(council, 'POST', '/api/projects', projectInput(title, fields));
}

/** A methodological development in the project `projectId`; `fields` replace any of its fields. */
export function apiResource(session, projectId, title, fields = {}) {
  return apiCall(session, 'POST', `/api/projects/${projectId}/resources`, {
    title,
    form: 'methodological_development',
    element: 'effectiveness_monitoring',
    authors: [{ name: 'Петрова Анна Викторовна', share: 100 }],
    licence: 'CC BY 4.0',
    ...fields,
  });
}

/** The partner of СОШ № 12 asks СОШ № 61 for `need`; returns the request. */
export function apiRequest(partner, council, need) {
  return apiCall(partner, 'POST', '/api/requests', {
    need,
    audience: 'Учителя 5–9 классов',
    target_org_id: council.user.organisation.id,
  });
}

/**
 * The council of СОШ № 61 registers a project with one published resource, the partner
 * of СОШ № 12 asks the school for it and the teacher accepts the request with that
 * resource. Returns the project, the resource, the request and the sessions.
 */
export async function resourceWithAcceptedRequest(title) {
  const council = await apiSignIn('council@sch61.demo');
  const teacher = await apiSignIn('teacher@sch61.demo');
  const partner = await apiSignIn('partner@sch12.demo');
  const project = await apiProject(council, `Проект для «${title}»`);
  const resource = await apiResource(teacher, project.id, title, { visibility: 'published' });
  const asked = await apiRequest(partner, council, `Нужен инструмент мониторинга для «${title}»`);
  const request = await apiCall(
    teacher,
    'POST',
    `/api/requests/${asked.id}/decision`,
    { decision: 'accept', resource_id: resource.id },
    asked.version,
  );
  return { project, resource, request, council, teacher, partner };
}

/** Uploads `bytes` as the file `name` of a version. */
export async function apiUpload(session, versionId, name, bytes) {
  const response = await fetch(`${BASE_URL}/api/versions/${versionId}/files?file_name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  if (!response.ok) throw new Error(`upload ${name}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A resource of СОШ № 61 brought to the delivery step, with a design version and a
 * product version, each with one file (`designFile`, `productFile`).
 */
export async function resourceReadyForDelivery(title) {
  const prepared = await resourceWithAcceptedRequest(title);
  const { resource, teacher } = prepared;
  const move = (to) => apiCall(teacher, 'POST', `/api/resources/${resource.id}/transitions`, { to });
  await move('design');
  const design = await apiCall(teacher, 'POST', `/api/resources/${resource.id}/versions`, {
    kind: 'design',
    notes: 'Проектный документ',
  });
  const designFile = await apiUpload(teacher, design.id, 'проект.pdf', pdfBuffer());
  await move('production');
  const product = await apiCall(teacher, 'POST', `/api/resources/${resource.id}/versions`, {
    kind: 'product',
    notes: 'Готовый комплект материалов',
  });
  const productFile = await apiUpload(teacher, product.id, 'комплект.pdf', pdfBuffer());
  await move('delivery');
  return { ...prepared, design, designFile, product, productFile };
}

/** A resource of СОШ № 61 delivered today to СОШ № 12 (by training), with its `delivery`. */
export async function deliveredResource(title) {
  const prepared = await resourceReadyForDelivery(title);
  const { resource, product, teacher, partner } = prepared;
  const delivery = await apiCall(teacher, 'POST', `/api/resources/${resource.id}/deliveries`, {
    version_id: product.id,
    recipient_org_id: partner.user.organisation.id,
    delivered_on: isoDay(),
    form: 'training',
    contact: 'Соколова Мария Ивановна, завуч',
  });
  return { ...prepared, delivery };
}

/**
 * The receiving school's partner issues a feedback link of `delivery` for the e-mail
 * `email`, named `respondent` on the link's page.
 */
export function apiFeedbackLink(partner, delivery, respondent, email = 'sokolova@sch12.demo') {
  return apiCall(partner, 'POST', `/api/deliveries/${delivery.id}/feedback-links`, { email, respondent });
}

/** Answers a feedback link without an account: `{ csat, recommend, ready, comment }`. */
export async function apiAnswerLink(link, answer) {
  const response = await fetch(`${BASE_URL}/api/public/feedback/${encodeURIComponent(link.token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(answer),
  });
  if (!response.ok) throw new Error(`answer by link: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A resource of СОШ № 61 at the design stage with a design version holding one file. */
export async function resourceWithDesign(title) {
  const prepared = await resourceWithAcceptedRequest(title);
  const { resource, teacher } = prepared;
  await apiCall(teacher, 'POST', `/api/resources/${resource.id}/transitions`, { to: 'design' });
  const design = await apiCall(teacher, 'POST', `/api/resources/${resource.id}/versions`, {
    kind: 'design',
    notes: 'Проектный документ',
  });
  await apiUpload(teacher, design.id, 'проект.pdf', pdfBuffer());
  return { ...prepared, design };
}

/**
 * A new staff account called `name` at the school of the demo account `colleague`, made
 * by the platform operator; returns its `{ email, password }`.
 */
export async function staffOf(colleague, name) {
  const operator = await apiSignIn('operator@kom.demo');
  const partner = await apiSignIn(colleague);
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1000)}@${colleague.split('@')[1]}`;
  const password = 'staff-password-1';
  await apiCall(operator, 'POST', `/api/organisations/${partner.user.organisation.id}/users`, {
    email,
    full_name: name,
    roles: ['staff'],
    password,
  });
  return { email, password };
}
