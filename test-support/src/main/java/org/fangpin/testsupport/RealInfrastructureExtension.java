package org.fangpin.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For tests that run services as processes rather than one Spring context: gives the test class an
 * {@link Infrastructure} (fresh databases on demand, its own Kafka broker, the token issuer) through a
 * {@code @BeforeAll} or test parameter, and tears it down after the class.
 * <pre>{@code @ExtendWith(RealInfrastructureExtension.class)
 * class HouseholdWorkflowIT { @BeforeAll static void start(Infrastructure infrastructure) { ... } }}</pre>
 */
public class RealInfrastructureExtension implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return infrastructure(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Infrastructure infrastructure = store(context).remove(key(context), Infrastructure.class);
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    private static Infrastructure infrastructure(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(key(context),
                key -> new Infrastructure(context.getRequiredTestClass().getSimpleName(),
                        context.getRequiredTestClass()), Infrastructure.class);
    }

    /**
     * One store for the class and its test methods: a parameter of a test method is resolved in the method's
     * context, whose own store is gone before {@link #afterAll} could close what it holds.
     */
    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    private static String key(ExtensionContext context) {
        return context.getRequiredTestClass().getName();
    }
}
