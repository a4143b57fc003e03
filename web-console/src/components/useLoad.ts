import { useCallback, useEffect, useState } from 'react';
import { get } from '../api';

/** Loads a path (none while it is null) and reloads it on demand. */
export function useLoad<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!path) {
      setData(undefined);
      return;
    }
    let current = true;
    setLoading(true);
    setError(undefined);
    get<T>(path)
      .then((value) => current && setData(value))
      .catch((e) => current && setError(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

/** A cursor-paged list: the first page, then "more" appends the next one. */
export function usePaged<T, P>(path: string | null, itemsOf: (page: P) => T[], cursorOf: (page: P) => string | number | null | undefined) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);

  const load = useCallback(async (from: string | null, append: boolean) => {
    if (!path) return;
    setLoading(true);
    setError(undefined);
    try {
      const separator = path.includes('?') ? '&' : '?';
      const page = await get<P>(from ? `${path}${separator}cursor=${encodeURIComponent(from)}` : path);
      setItems((previous) => (append ? [...previous, ...itemsOf(page)] : itemsOf(page)));
      const next = cursorOf(page);
      setCursor(next === null || next === undefined ? null : String(next));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
    // itemsOf and cursorOf are fixed per screen
  }, [path]);

  useEffect(() => {
    setItems([]);
    setCursor(null);
    load(null, false);
  }, [load, version]);

  return {
    items, error, loading, hasMore: cursor !== null,
    more: () => load(cursor, true),
    reload: () => setVersion((v) => v + 1),
  };
}
