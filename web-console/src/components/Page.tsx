import { Space } from 'antd';
import type { ReactNode } from 'react';

/** A screen's heading (the page's one h1) and its content. */
export function Page({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <h1 style={{ fontSize: 22, margin: 0 }}>{title}</h1>
        {extra && <div className="no-print">{extra}</div>}
      </div>
      {children}
    </Space>
  );
}
