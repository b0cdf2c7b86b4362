/**
 * Making a report kind from Word: {@link org.docmerge.authoring.KindAuthoring#skeleton} writes a spec skeleton
 * from a template's tags ({@code docmerge kind new}); {@link org.docmerge.authoring.KindAuthoring#lint} checks a
 * kind folder whole ({@code docmerge kind check}). Uses the facade and the spec, template and workbook stages;
 * prints nothing.
 */
package org.docmerge.authoring;
