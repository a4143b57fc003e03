import type { ThemeConfig } from 'antd';

/**
 * Ant Design's default blue (#1677ff) has 4.1:1 contrast on white, below WCAG AA for text: a darker blue
 * (#0958d9, 6.1:1) as the primary colour, and secondary texts dark enough to read (≥ 4.5:1).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // Ant Design lightens a hovered primary button; darker instead, so its white text stays readable
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorError: '#c8102e',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
    colorTextSecondary: 'rgba(0, 0, 0, 0.70)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },

};
