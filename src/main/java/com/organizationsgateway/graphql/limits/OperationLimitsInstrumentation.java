package com.organizationsgateway.graphql.limits;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;

/**
 * Refuses an operation nested deeper or costing more than the limits, before any field
 * runs. An operation's depth and cost are measured once per parsed document (the document
 * cache hands out the same one for the same text) and remembered; only an operation whose
 * measure depends on its variables, through {@code @skip}/{@code @include} or an
 * argument-weighed field such as {@code nodes(ids:)}, is measured at every execution.
 */
final class OperationLimitsInstrumentation extends SimplePerformantInstrumentation {

	private static final String NO_NAME = "";

	private final int maxDepth;

	private final int maxComplexity;

	private final UpstreamCostCalculator costs = new UpstreamCostCalculator();

	/**
	 * Measures by document, then operation name. Weak keys compare by identity and let a
	 * measure go with its document.
	 */
	private final Cache<Document, Map<String, Measure>> measures = Caffeine.newBuilder().weakKeys().build();

	OperationLimitsInstrumentation(int maxDepth, int maxComplexity) {
		this.maxDepth = maxDepth;
		this.maxComplexity = maxComplexity;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		Measure measure = measure(parameters.getExecutionContext());
		if (measure.depth() > this.maxDepth) {
			throw new AbortExecutionException(
					"maximum query depth exceeded " + measure.depth() + " > " + this.maxDepth);
		}
		if (measure.complexity() > this.maxComplexity) {
			throw new AbortExecutionException(
					"maximum query complexity exceeded " + measure.complexity() + " > " + this.maxComplexity);
		}
		return null;
	}

	private Measure measure(ExecutionContext context) {
		Document document = context.getDocument();
		String operation = Objects.requireNonNullElse(context.getExecutionInput().getOperationName(), NO_NAME);
		Map<String, Measure> known = this.measures.getIfPresent(document);
		Measure measure = (known != null) ? known.get(operation) : null;
		if (measure != null) {
			return measure;
		}
		measure = new Measure(depth(context), complexity(context));
		if (!dependsOnVariables(document)) {
			this.measures.get(document, (key) -> new ConcurrentHashMap<>()).put(operation, measure);
		}
		return measure;
	}

	private static int depth(ExecutionContext context) {
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		return traverser.reducePreOrder((field, deepest) -> Math.max(depthOf(field), deepest), 0);
	}

	private static int depthOf(QueryVisitorFieldEnvironment field) {
		int depth = 0;
		for (QueryVisitorFieldEnvironment level = field; level != null; level = level.getParentEnvironment()) {
			depth++;
		}
		return depth;
	}

	private int complexity(ExecutionContext context) {
		return QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(this.costs)
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.variables(context.getCoercedVariables())
			.build()
			.calculate();
	}

	/**
	 * Whether a variable decides which fields are included or what an argument-weighed
	 * field costs.
	 */
	private static boolean dependsOnVariables(Document document) {
		boolean[] depends = { false };
		new NodeTraverser().depthFirst(new NodeVisitorStub() {

			@Override
			public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
				if (("skip".equals(node.getName()) || "include".equals(node.getName())) && usesVariable(node)) {
					depends[0] = true;
					return TraversalControl.QUIT;
				}
				return TraversalControl.CONTINUE;
			}

			@Override
			public TraversalControl visitField(Field node, TraverserContext<Node> context) {
				if (UpstreamCostCalculator.ARGUMENT_WEIGHED_FIELDS.contains(node.getName()) && usesVariable(node)) {
					depends[0] = true;
					return TraversalControl.QUIT;
				}
				return TraversalControl.CONTINUE;
			}

		}, document);
		return depends[0];
	}

	/** Whether a variable appears anywhere in the node's arguments. */
	private static boolean usesVariable(Node<?> node) {
		boolean[] uses = { false };
		new NodeTraverser().depthFirst(new NodeVisitorStub() {

			@Override
			public TraversalControl visitVariableReference(VariableReference reference,
					TraverserContext<Node> context) {
				uses[0] = true;
				return TraversalControl.QUIT;
			}

			@Override
			public TraversalControl visitSelectionSet(SelectionSet selectionSet, TraverserContext<Node> context) {
				// a field's own arguments only, not those of the fields below it
				return TraversalControl.ABORT;
			}

		}, node);
		return uses[0];
	}

	/** How deep an operation nests and what it costs. */
	private record Measure(int depth, int complexity) {

	}

}
