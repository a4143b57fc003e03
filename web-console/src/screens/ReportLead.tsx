import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Result, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { OfflineForm } from '../components/OfflineForm';
import { Page } from '../components/Page';
import { day, notInFuture, required } from '../components/rules';
import { useOptions, useT } from '../i18n';

interface LeadReference { leadId: string; householdId: string; merged: boolean }

/** 线索上报: a lead from a visit, a self-report or a comparison; works without signal. */
export default function ReportLead() {
  const t = useT();
  const options = useOptions();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [reported, setReported] = useState<LeadReference>();

  if (reported) {
    return (
      <Result status="success" title={reported.merged ? t('线索已并入该户在办的识别', 'Merged into the open case') : t('线索已上报', 'Lead reported')}
        extra={[
          <Button key="case" type="primary" onClick={() => navigate(`/leads/${reported.leadId}`)}>{t('办理识别', 'Open the case')}</Button>,
          <Button key="again" onClick={() => setReported(undefined)}>{t('继续上报', 'Report another')}</Button>,
        ]} />
    );
  }
  return (
    <Page title={t('线索上报', 'Report a lead')}>
      <Card>
        <OfflineForm<LeadReference> form={form} path={() => '/api/leads'} onSent={setReported}
          initialValues={{ householdId: params.get('householdId') ?? undefined, channel: 'CADRE_VISIT', reportedOn: dayjs() }}
          body={(v) => ({ ...v, reportedOn: day(v.reportedOn as dayjs.Dayjs) })}
          label={(v) => t(`线索：户 ${v.householdId}`, `Lead: household ${v.householdId}`)}
          codeFields={{ HOUSEHOLD_NOT_FOUND: ['householdId'], IDENT_ALREADY_MONITORED: ['householdId'], OUT_OF_JURISDICTION: ['householdId'] }}
          submitText={t('上报线索', 'Report')}>
          <Form.Item name="householdId" label={t('户编号', 'Household')} rules={[required(t)]}><Input /></Form.Item>
          <Form.Item name="channel" label={t('发现渠道', 'Channel')} rules={[required(t)]}><Select options={options('channel')} /></Form.Item>
          <Form.Item name="description" label={t('情况说明', 'Description')} rules={[{ max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="reportedOn" label={t('发现日期', 'Reported on')} rules={[notInFuture(t)]}><DatePicker /></Form.Item>
        </OfflineForm>
      </Card>
    </Page>
  );
}
