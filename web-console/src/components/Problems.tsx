import { Alert, type FormInstance } from 'antd';
import { ApiProblem, Offline } from '../api';
import { useT } from '../i18n';

/**
 * Puts a refusal beside the fields it concerns: the server's field errors by name, and rule codes that belong to
 * one field (e.g. INVALID_ID_NUMBER → the ID number) through {@code codeFields}. Returns what no field took.
 */
export function showBesideFields(form: FormInstance, problem: ApiProblem,
  codeFields: Record<string, (string | number)[]> = {}): ApiProblem | null {
  const fieldOf = (name: string) => name.split(/[.[\]]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const byField = problem.errors.filter((error) => error.field);
  if (byField.length > 0) {
    form.setFields(byField.map((error) => ({ name: fieldOf(error.field!), errors: [error.message] })));
    return null;
  }
  const field = codeFields[problem.code];
  if (field) {
    form.setFields([{ name: field, errors: [problem.detail] }]);
    return null;
  }
  return problem;
}

/** A refusal or failure in words, with the field errors that have no field on the screen. */
export function ProblemAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  if (error instanceof Offline) {
    return <Alert type="warning" showIcon role="alert" title={t('网络未连接，请稍后重试。', 'No network; try again later.')} />;
  }
  if (error instanceof ApiProblem) {
    return (
      <Alert type="error" showIcon role="alert" title={error.detail}
        description={error.errors.length > 0 ? (
          <ul>{error.errors.map((e, i) => <li key={i}>{e.field ? `${e.field}: ` : ''}{e.message}</li>)}</ul>
        ) : undefined} />
    );
  }
  return <Alert type="error" showIcon role="alert" title={String(error)} />;
}
