import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { write } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { idNumberRule, regionRule, required } from '../components/rules';
import { useSubmit } from '../components/useSubmit';
import { useOptions, useT } from '../i18n';
import { useProfile } from '../profile';

interface Registered { householdId: string }

/** 户登记: the head of household, the category and the other members, each ID number checked (GB 11643). */
export default function RegisterHousehold() {
  const t = useT();
  const options = useOptions();
  const profile = useProfile();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [registered, setRegistered] = useState<Registered>();
  const { submit, error, busy } = useSubmit(form, (values: Record<string, unknown>) =>
    write<Registered>('POST', '/api/households', values), {
    INVALID_ID_NUMBER: ['headIdNumber'],
    HOUSEHOLD_ALREADY_REGISTERED: ['headIdNumber'],
    IDENT_PERSON_LISTED_TWICE: ['headIdNumber'],
    IDENT_MEMBER_COUNT_BELOW_MEMBERS: ['memberCount'],
    OUT_OF_JURISDICTION: ['regionCode'],
  });

  if (registered) {
    return (
      <Result status="success" title={t('户登记完成', 'Household registered')}
        subTitle={t(`户编号 ${registered.householdId}`, `Household ${registered.householdId}`)}
        extra={[
          <Button key="lead" type="primary" onClick={() => navigate(`/leads/new?householdId=${registered.householdId}`)}>{t('上报线索', 'Report a lead')}</Button>,
          <Button key="household" onClick={() => navigate(`/households/${registered.householdId}`)}>{t('查看户档案', 'Open household')}</Button>,
          <Button key="again" onClick={() => { form.resetFields(); setRegistered(undefined); }}>{t('继续登记', 'Register another')}</Button>,
        ]} />
    );
  }
  return (
    <Page title={t('户登记', 'Register a household')}>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={async (values) => {
        const answer = await submit(values);
        if (answer) setRegistered(answer);
      }} initialValues={{ regionCode: profile.region.length === 12 ? profile.region : undefined, category: 'GENERAL', memberCount: 1, members: [] }}>
        <Card title={t('户主与家庭', 'Head and household')}>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="regionCode" label={t('所在村（12位区划代码）', 'Village (12-digit code)')} rules={[required(t), regionRule(t, [12])]}><Input inputMode="numeric" /></Form.Item></Col>
            <Col xs={24} md={4}><Form.Item name="villageGroup" label={t('村民小组', 'Village group')}><InputNumber min={1} max={99} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="headName" label={t('户主姓名', 'Head of household')} rules={[required(t), { max: 50 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="headIdNumber" label={t('户主身份证号', 'Head ID number')} rules={[required(t), idNumberRule(t)]}><Input autoComplete="off" /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="headLabourCapacity" label={t('劳动能力', 'Labour capacity')}><Select allowClear options={options('labourCapacity')} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="headHealth" label={t('健康状况', 'Health')}><Select allowClear options={options('health')} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="category" label={t('户类别', 'Category')} rules={[required(t)]}><Select options={options('category')} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="memberCount" label={t('家庭人口', 'Household size')} rules={[required(t)]}><InputNumber min={1} max={30} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="categoryFlags" label={t('户属性', 'Flags')}><Select mode="multiple" allowClear options={options('categoryFlag')} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="headEmployment" label={t('户主务工情况', 'Head employment')} rules={[{ max: 100 }]}><Input /></Form.Item></Col>
          </Row>
        </Card>
        <Card title={t('其他家庭成员', 'Other members')} style={{ marginTop: 16 }}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="bottom">
                    <Col xs={24} md={4}><Form.Item name={[field.name, 'name']} label={t(`成员${index + 1}姓名`, `Member ${index + 1} name`)} rules={[required(t)]}><Input /></Form.Item></Col>
                    <Col xs={24} md={6}><Form.Item name={[field.name, 'idNumber']} label={t('身份证号', 'ID number')} rules={[required(t), idNumberRule(t)]}><Input autoComplete="off" /></Form.Item></Col>
                    <Col xs={24} md={4}><Form.Item name={[field.name, 'relation']} label={t('与户主关系', 'Relation')} rules={[required(t)]}><Select options={options('relation').filter((o) => o.value !== 'HEAD')} /></Form.Item></Col>
                    <Col xs={24} md={4}><Form.Item name={[field.name, 'labourCapacity']} label={t('劳动能力', 'Labour capacity')}><Select allowClear options={options('labourCapacity')} /></Form.Item></Col>
                    <Col xs={24} md={4}><Form.Item name={[field.name, 'health']} label={t('健康状况', 'Health')}><Select allowClear options={options('health')} /></Form.Item></Col>
                    <Col xs={24} md={2}><Form.Item><Button aria-label={t(`删除成员${index + 1}`, `Remove member ${index + 1}`)} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} /></Form.Item></Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{t('添加家庭成员', 'Add a member')}</Button>
              </>
            )}
          </Form.List>
        </Card>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>{t('提交登记', 'Register')}</Button>
        </Space>
      </Form>
    </Page>
  );
}
