/** The gateway's API, same origin: bearer token, Chinese or English messages, an Idempotency-Key on every write. */

export interface FieldError {
  field?: string;
  message: string;
}

/** An RFC 9457 problem as the services send it: a stable code, the detail in the asked language, field errors. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

/** The request never reached the server: no network. */
export class Offline extends Error {}

let accessToken: () => string | undefined = () => undefined;
let language = 'zh-CN';

export function setAccessTokenSource(source: () => string | undefined) {
  accessToken = source;
}

export function setLanguage(tag: string) {
  language = tag;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = accessToken();
  return {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...extra,
  };
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new Offline(path);
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    const body = await response.json().catch(() => ({}));
    const errors: FieldError[] = Array.isArray(body.errors) ? body.errors : [];
    const refusals: FieldError[] = Array.isArray(body.refusals)
      ? body.refusals.map((r: { detail: string }) => ({ message: r.detail }))
      : [];
    return new ApiProblem(response.status, body.code ?? `HTTP_${response.status}`,
      body.detail ?? response.statusText, [...errors, ...refusals]);
  }
  return new ApiProblem(response.status, `HTTP_${response.status}`, response.statusText);
}

export async function get<T>(path: string): Promise<T> {
  const response = await send(path, { headers: headers() });
  return response.json();
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** A write; the key lets a retry of the same request (a double click, a resend after reconnecting) change nothing. */
export async function write<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown,
  idempotencyKey: string = newIdempotencyKey()): Promise<T> {
  const response = await send(path, {
    method,
    headers: headers({ 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }),
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await send(path, { headers: headers({ Accept: '*/*' }) });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** An upload with progress (fetch reports none): resolves with the parsed answer. */
export function upload<T>(path: string, file: File, contentType: string,
  onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    Object.entries(headers({ 'Content-Type': contentType, 'Idempotency-Key': newIdempotencyKey() }))
      .forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new Offline(path));
    request.onload = async () => {
      const response = new Response(request.responseText || null, {
        status: request.status,
        headers: { 'Content-Type': request.getResponseHeader('Content-Type') ?? '' },
      });
      if (response.ok) resolve(await response.json());
      else reject(await problemOf(response));
    };
    request.send(file);
  });
}
