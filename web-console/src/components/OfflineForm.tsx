import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, type FormInstance } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import { sendOrKeep } from '../offline/outbox';
import { ProblemAlert } from './Problems';
import { useSubmit } from './useSubmit';
import { useT } from '../i18n';

/**
 * A form a cadre can fill in without signal: sent at once when online, else kept on the device (待同步) and sent by
 * the outbox when the network returns.
 */
export function OfflineForm<R>({ form, path, body, label, codeFields, onSent, initialValues, children, submitText }: {
  form: FormInstance;
  path: (values: Record<string, unknown>) => string;
  body: (values: Record<string, unknown>) => unknown;
  label: (values: Record<string, unknown>) => string;
  codeFields?: Record<string, (string | number)[]>;
  onSent: (answer: R) => void;
  initialValues?: Record<string, unknown>;
  children: ReactNode;
  submitText: string;
}) {
  const t = useT();
  const [kept, setKept] = useState<string>();
  const { submit, error, busy } = useSubmit(form, (values: Record<string, unknown>) =>
    sendOrKeep<R>(path(values), body(values), label(values)), codeFields);

  return (
    <>
      <ProblemAlert error={error} />
      {kept && <Alert type="warning" showIcon icon={<CloudSyncOutlined />} role="status" style={{ marginBottom: 16 }}
        title={t(`“${kept}”已保存在本机，待同步：联网后自动发送。`, `"${kept}" is kept on this device and will be sent when online.`)} />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={async (values) => {
        setKept(undefined);
        const outcome = await submit(values);
        if (!outcome) return;
        if (outcome.sent) onSent(outcome.answer);
        else {
          setKept(label(values));
          form.resetFields();
        }
      }}>
        {children}
        <Button type="primary" htmlType="submit" loading={busy}>{submitText}</Button>
      </Form>
    </>
  );
}
