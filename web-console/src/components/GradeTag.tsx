import { Tag } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * Solid tags with white text, each at least 4.5:1 (WCAG AA): Ant Design's light preset tags are not. Yellow is a dark
 * amber so that white text stays readable; the word says which grade it is.
 */
export const TONE = { red: '#c8102e', yellow: '#ad6800', blue: '#0958d9', green: '#237804' } as const;

interface Grade {
  color: string;
  icon: ReactNode;
  zh: string;
  en: string;
}

/** Warning levels (Ⅰ红/Ⅱ黄/Ⅲ蓝) and colour grades (红/黄/绿): never by colour alone — always icon and words. */
const GRADES: Record<string, Grade> = {
  I_RED: { color: TONE.red, icon: <ExclamationCircleOutlined />, zh: 'Ⅰ级 红色预警', en: 'Level I (red)' },
  II_YELLOW: { color: TONE.yellow, icon: <WarningOutlined />, zh: 'Ⅱ级 黄色预警', en: 'Level II (yellow)' },
  III_BLUE: { color: TONE.blue, icon: <InfoCircleOutlined />, zh: 'Ⅲ级 蓝色预警', en: 'Level III (blue)' },
  RED: { color: TONE.red, icon: <ExclamationCircleOutlined />, zh: '红色', en: 'Red' },
  YELLOW: { color: TONE.yellow, icon: <WarningOutlined />, zh: '黄色', en: 'Yellow' },
  GREEN: { color: TONE.green, icon: <CheckCircleOutlined />, zh: '绿色', en: 'Green' },
};

export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const t = useT();
  if (!grade) return null;
  const shown = GRADES[grade];
  if (!shown) return <Tag>{grade}</Tag>;
  return (
    <Tag color={shown.color} icon={shown.icon}>
      {t(shown.zh, shown.en)}
    </Tag>
  );
}

/** A criterion or check: met or not, by icon and word. */
export function MetTag({ met }: { met: boolean }) {
  const t = useT();
  return met ? (
    <Tag color={TONE.green} icon={<CheckCircleOutlined />}>{t('符合', 'Met')}</Tag>
  ) : (
    <Tag color={TONE.red} icon={<ExclamationCircleOutlined />}>{t('不符合', 'Not met')}</Tag>
  );
}
