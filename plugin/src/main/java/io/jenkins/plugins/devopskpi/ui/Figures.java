package io.jenkins.plugins.devopskpi.ui;

import java.io.IOException;

/**
 * Where a view's summaries come from: the configured store in Jenkins; fixed summaries where the views are
 * rendered without a Jenkins (jenkins-behaviour's JellyExpressionsTest).
 */
@FunctionalInterface
interface Figures<T, R> {
    R of(T subject) throws IOException;
}
