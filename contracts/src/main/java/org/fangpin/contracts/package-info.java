/**
 * The published language of Fangpin: event records grouped by the service that publishes them, shared value types
 * and the CloudEvents envelope. Names follow the project glossary (one English name per Chinese term); a term that
 * first appears here is added to the glossary table below.
 *
 * <table>
 *   <caption>Terms introduced by the contracts</caption>
 *   <tr><th>中文</th><th>English</th></tr>
 *   <tr><td>开始动态监测</td><td>MonitoringStarted</td></tr>
 *   <tr><td>帮扶案例建立</td><td>AssistanceCaseOpened</td></tr>
 *   <tr><td>户登记</td><td>HouseholdRegistered</td></tr>
 *   <tr><td>线索上报</td><td>LeadReported</td></tr>
 * </table>
 */
package org.fangpin.contracts;
