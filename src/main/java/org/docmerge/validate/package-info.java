/**
 * The rules of a report kind (R01–R20 of the annual report, see {@code annual-report-format.md} §5) applied to
 * a {@link org.docmerge.model.ReportData}. Table identities come from the spec; prose rules read Chinese text.
 * A rule never throws on bad data: it reports what it can and says what it could not check. Imports only the
 * JDK, {@code spec}, {@code model} and {@code diag}.
 *
 * <p>Codes (stable):
 *
 * <table>
 *   <caption>Diagnostic codes of this package</caption>
 *   <tr><td>R01</td><td>a count is blank, 「/」「—」「无」, text, negative or fractional</td></tr>
 *   <tr><td>R02</td><td>a decimal quantity (the fee; the website form's 平均办理时间) is negative or not a number
 *       (error), said in the unit its label states; a fee in 万元 with more than 4 decimals or that looks like 元
 *       (warning)</td></tr>
 *   <tr><td>R03–R06</td><td>the table identities declared in the spec</td></tr>
 *   <tr><td>R07, R08</td><td>cross-year: carried-over requests, valid documents (warnings, need the previous year)</td></tr>
 *   <tr><td>R09</td><td>one year everywhere</td></tr>
 *   <tr><td>R10</td><td>published after the deadline</td></tr>
 *   <tr><td>R11–R15</td><td>prose that contradicts the tables or its own arithmetic</td></tr>
 *   <tr><td>R16, R17</td><td>sections missing or empty</td></tr>
 *   <tr><td>R18</td><td>the format does not match the report year (the rule's other half, a published report's
 *       invented 小计/合计 rows or columns, is {@code R18.EXTRA_SUBTOTAL}, found while extracting)</td></tr>
 *   <tr><td>R19</td><td>prose repeating most of last year's report</td></tr>
 *   <tr><td>FIELD.MISSING, FIELD.INVALID</td><td>a cover field is missing or malformed</td></tr>
 * </table>
 */
package org.docmerge.validate;
