import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { isValidIdNumber } from '../idNumber';
import type { Translate } from '../i18n';

/** The server's checks, repeated in the form so that most mistakes show before anything is sent. */
export const required = (t: Translate): Rule => ({ required: true, message: t('必填', 'Required') });

export const idNumberRule = (t: Translate): Rule => ({
  validator: (_, value: string | undefined) => (!value || isValidIdNumber(value) ? Promise.resolve()
    : Promise.reject(new Error(t('身份证号不符合国家标准（GB 11643）校验', 'Not a valid ID number (GB 11643)')))),
});

export const yuanRule = (t: Translate): Rule => ({
  validator: (_, value: number | null | undefined) => (value === undefined || value === null
    || (value >= 0 && Math.round(value * 100) === value * 100) ? Promise.resolve()
    : Promise.reject(new Error(t('金额不能为负，最多两位小数', 'Not negative, at most two decimals')))),
});

export const notInFuture = (t: Translate): Rule => ({
  validator: (_, value: Dayjs | undefined) => (!value || !value.isAfter(dayjs(), 'day') ? Promise.resolve()
    : Promise.reject(new Error(t('日期不能晚于今天', 'Cannot be later than today')))),
});

export const regionRule = (t: Translate, digits: number[]): Rule => ({
  pattern: new RegExp(`^(${digits.map((d) => `\\d{${d}}`).join('|')})$`),
  message: t(`请填写${digits.join('或')}位统计用区划代码`, `A ${digits.join(' or ')}-digit region code`),
});

export const day = (value: Dayjs | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);
