/**
 * The published language of Fangpin: event records grouped by the service that publishes them, shared value types
 * and the CloudEvents envelope. Names follow the project glossary (one English name per Chinese term); a term that
 * first appears here is added to the glossary table below.
 *
 * <table>
 *   <caption>Terms introduced by the contracts</caption>
 *   <tr><th>中文</th><th>English</th></tr>
 *   <tr><td>开始动态监测</td><td>MonitoringStarted</td></tr>
 *   <tr><td>预警等级调整 / 预警解除</td><td>WarningLevelChanged / WarningCleared</td></tr>
 *   <tr><td>三色管理等级调整</td><td>ColourGradeChanged</td></tr>
 *   <tr><td>回头看开始 / 恢复常规监测</td><td>LookBackMonitoringStarted / RegularMonitoringResumed</td></tr>
 *   <tr><td>立即走访</td><td>ImmediateVisitRequested</td></tr>
 *   <tr><td>行业部门筛查预警线索</td><td>DepartmentLeadRaised</td></tr>
 *   <tr><td>终止监测 (原因)</td><td>MonitoringClosed (ClosureReason)</td></tr>
 *   <tr><td>帮扶案例建立</td><td>AssistanceCaseOpened</td></tr>
 *   <tr><td>帮扶案例关闭 (随终止监测)</td><td>AssistanceCaseClosed</td></tr>
 *   <tr><td>户登记</td><td>HouseholdRegistered</td></tr>
 *   <tr><td>线索上报</td><td>LeadReported</td></tr>
 * </table>
 */
package org.fangpin.contracts;
