import { openDB, type IDBPDatabase } from 'idb';
import { ApiProblem, Offline, newIdempotencyKey, write } from '../api';

/**
 * Writes kept in the browser (IndexedDB) while the cadre has no signal, each with the Idempotency-Key it was given
 * when entered: sending it again after a lost answer changes nothing on the server, so nothing is sent twice, and
 * nothing leaves the outbox before the server has answered.
 */
export interface PendingWrite {
  idempotencyKey: string;
  path: string;
  body: unknown;
  /** What the cadre entered, in words, for the list of pending entries. */
  label: string;
  enteredAt: string;
  /** The server's refusal in the cadre's language: kept, shown, and left for the cadre to correct or discard. */
  refusal?: string;
}

const STORE = 'outbox';
let database: Promise<IDBPDatabase> | undefined;
const listeners = new Set<() => void>();

function db() {
  database ??= openDB('fangpin-console', 1, {
    upgrade(upgrade) {
      upgrade.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
    },
  });
  return database;
}

function changed() {
  listeners.forEach((listener) => listener());
}

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function pending(): Promise<PendingWrite[]> {
  return (await db()).getAll(STORE);
}

export async function discard(idempotencyKey: string) {
  await (await db()).delete(STORE, idempotencyKey);
  changed();
}

/** Sends now when online; keeps the write for later when there is no network. */
export async function sendOrKeep<T>(path: string, body: unknown, label: string): Promise<{ sent: true; answer: T } | { sent: false }> {
  const entry: PendingWrite = { idempotencyKey: newIdempotencyKey(), path, body, label, enteredAt: new Date().toISOString() };
  if (navigator.onLine) {
    try {
      return { sent: true, answer: await write<T>('POST', path, body, entry.idempotencyKey) };
    } catch (e) {
      if (!(e instanceof Offline)) throw e;
    }
  }
  await (await db()).put(STORE, entry);
  changed();
  return { sent: false };
}

let syncing: Promise<number> | undefined;

/** Sends every kept write once, in the order entered; returns how many the server accepted. */
export function synchronise(): Promise<number> {
  syncing ??= (async () => {
    let accepted = 0;
    try {
      const entries = (await pending()).filter((entry) => !entry.refusal)
        .sort((a, b) => a.enteredAt.localeCompare(b.enteredAt));
      for (const entry of entries) {
        try {
          await write('POST', entry.path, entry.body, entry.idempotencyKey);
          await (await db()).delete(STORE, entry.idempotencyKey);
          accepted++;
        } catch (e) {
          if (e instanceof Offline) break;
          if (e instanceof ApiProblem && e.status !== 401) {
            const details = e.errors.map((error) => error.message).join('；');
            await (await db()).put(STORE, { ...entry, refusal: details ? `${e.detail}：${details}` : e.detail });
          } else {
            break;
          }
        }
      }
    } finally {
      syncing = undefined;
      changed();
    }
    return accepted;
  })();
  return syncing;
}
