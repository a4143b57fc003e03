import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiProblem } from '../api';
import { showBesideFields } from './Problems';

/**
 * Runs a form's write: a refusal goes beside its fields (server field errors, or rule codes mapped to a field), the
 * rest is returned as {@code error} for an alert above the form.
 */
export function useSubmit<V, R>(form: FormInstance, send: (values: V) => Promise<R>,
  codeFields: Record<string, (string | number)[]> = {}) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V): Promise<R | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await send(values);
    } catch (e) {
      setError(e instanceof ApiProblem ? showBesideFields(form, e, codeFields) : e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, busy };
}
