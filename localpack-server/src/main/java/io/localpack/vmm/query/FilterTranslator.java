package io.localpack.vmm.query;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Turns an OData {@code $filter} (or an {@code $orderby} item) into a JPA criteria expression, so the database does
 * the filtering. Literals become bind parameters; only properties the entity set declares queryable can be reached.
 */
public final class FilterTranslator implements ExpressionVisitor<FilterTranslator.Operand> {

    /** A value in the expression tree: either something the database computes or a literal from the URL. */
    public sealed interface Operand permits Column, Value {
    }

    /** A database-side expression; {@code javaType} is what it evaluates to. */
    public record Column(Expression<?> expression, Class<?> javaType) implements Operand {
    }

    /** A literal; {@code value} is null for the {@code null} literal. */
    public record Value(Object value) implements Operand {
    }

    private static final char LIKE_ESCAPE = '\\';

    private final CriteriaBuilder cb;
    private final Root<?> root;
    private final Map<String, String> queryableProperties;

    public FilterTranslator(CriteriaBuilder cb, Root<?> root, Map<String, String> queryableProperties) {
        this.cb = cb;
        this.root = root;
        this.queryableProperties = queryableProperties;
    }

    /** The whole filter as one predicate. */
    public Predicate predicate(org.apache.olingo.server.api.uri.queryoption.expression.Expression filter)
            throws ODataApplicationException {
        try {
            return asPredicate(filter.accept(this));
        } catch (ExpressionVisitException e) {
            throw QueryErrors.badRequest("Invalid $filter: " + e.getMessage());
        }
    }

    /** An {@code $orderby} item: must reach a queryable property. */
    public Expression<?> sortKey(org.apache.olingo.server.api.uri.queryoption.expression.Expression item)
            throws ODataApplicationException {
        try {
            Operand operand = item.accept(this);
            if (operand instanceof Column column) {
                return column.expression();
            }
            throw QueryErrors.badRequest("$orderby must name a property");
        } catch (ExpressionVisitException e) {
            throw QueryErrors.badRequest("Invalid $orderby: " + e.getMessage());
        }
    }

    @Override
    public Operand visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        StringBuilder odataPath = new StringBuilder();
        for (UriResource part : parts) {
            if (!(part instanceof UriResourceProperty)) {
                throw QueryErrors.badRequest("Only properties can be used in $filter and $orderby, not '" + part + "'");
            }
            if (odataPath.length() > 0) {
                odataPath.append('/');
            }
            odataPath.append(((UriResourceProperty) part).getProperty().getName());
        }
        String attributePath = queryableProperties.get(odataPath.toString());
        if (attributePath == null) {
            throw QueryErrors.badRequest("Property '" + odataPath + "' cannot be used in $filter or $orderby");
        }
        Path<?> path = root;
        for (String attribute : attributePath.split("\\.")) {
            path = path.get(attribute);
        }
        return new Column(path, path.getJavaType());
    }

    @Override
    public Operand visitLiteral(Literal literal) throws ODataApplicationException {
        EdmType type = literal.getType();
        String text = literal.getText();
        if (type == null || "null".equals(text)) {
            return new Value(null);
        }
        if (!(type instanceof EdmPrimitiveType primitive)) {
            throw QueryErrors.badRequest("Unsupported literal " + text);
        }
        try {
            String plain = primitive.fromUriLiteral(text);
            Class<?> javaType = switch (primitive.getName()) {
                case "Guid" -> UUID.class;
                case "Boolean" -> Boolean.class;
                case "Byte", "SByte", "Int16", "Int32", "Int64" -> Long.class;
                case "Decimal", "Double", "Single" -> BigDecimal.class;
                case "DateTimeOffset" -> ZonedDateTime.class;
                default -> String.class;
            };
            if (plain.indexOf('\u0000') >= 0) {
                // no database stores NUL in text; PostgreSQL refuses it outright
                throw QueryErrors.badRequest("Literal " + text.replace("\u0000", "\\u0000")
                        + " contains a NUL character, which no property value can hold");
            }
            Object value = primitive.valueOfString(plain, null, null, null, null, true, javaType);
            if (value instanceof ZonedDateTime zoned) {
                value = zoned.toOffsetDateTime();
            }
            return new Value(value);
        } catch (EdmPrimitiveTypeException e) {
            throw QueryErrors.badRequest("Invalid literal " + text);
        }
    }

    @Override
    public Operand visitBinaryOperator(BinaryOperatorKind operator, Operand left, Operand right)
            throws ODataApplicationException {
        return switch (operator) {
            case AND -> new Column(cb.and(asPredicate(left), asPredicate(right)), Boolean.class);
            case OR -> new Column(cb.or(asPredicate(left), asPredicate(right)), Boolean.class);
            case EQ, NE, GT, GE, LT, LE -> new Column(compare(operator, left, right), Boolean.class);
            default -> throw QueryErrors.badRequest("Operator '" + operator + "' is not supported in $filter");
        };
    }

    @Override
    public Operand visitBinaryOperator(BinaryOperatorKind operator, Operand left, List<Operand> right)
            throws ODataApplicationException {
        throw QueryErrors.badRequest("Operator '" + operator + "' is not supported in $filter");
    }

    @Override
    public Operand visitUnaryOperator(UnaryOperatorKind operator, Operand operand) throws ODataApplicationException {
        if (operator == UnaryOperatorKind.NOT) {
            return new Column(cb.not(asPredicate(operand)), Boolean.class);
        }
        if (operator == UnaryOperatorKind.MINUS && operand instanceof Value value && value.value() instanceof Long n) {
            return new Value(-n);
        }
        if (operator == UnaryOperatorKind.MINUS && operand instanceof Value value && value.value() instanceof BigDecimal n) {
            return new Value(n.negate());
        }
        throw QueryErrors.badRequest("Operator '" + operator + "' is not supported here");
    }

    @Override
    public Operand visitMethodCall(MethodKind method, List<Operand> parameters) throws ODataApplicationException {
        return switch (method) {
            case STARTSWITH -> like(method, parameters, "", "%");
            case ENDSWITH -> like(method, parameters, "%", "");
            case CONTAINS -> like(method, parameters, "%", "%");
            case TOLOWER -> new Column(cb.lower(stringColumn(method, parameters.get(0))), String.class);
            case TOUPPER -> new Column(cb.upper(stringColumn(method, parameters.get(0))), String.class);
            case TRIM -> new Column(cb.trim(stringColumn(method, parameters.get(0))), String.class);
            case LENGTH -> new Column(cb.length(stringColumn(method, parameters.get(0))), Integer.class);
            default -> throw QueryErrors.badRequest("Function '" + method + "' is not supported in $filter");
        };
    }

    @Override
    public Operand visitLambdaExpression(String lambdaFunction, String lambdaVariable,
            org.apache.olingo.server.api.uri.queryoption.expression.Expression expression) throws ODataApplicationException {
        throw QueryErrors.badRequest("Lambda expressions (any/all) are not supported in $filter");
    }

    @Override
    public Operand visitAlias(String aliasName) throws ODataApplicationException {
        throw QueryErrors.badRequest("Parameter aliases are not supported in $filter");
    }

    @Override
    public Operand visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw QueryErrors.badRequest("Type literals are not supported in $filter");
    }

    @Override
    public Operand visitLambdaReference(String variableName) throws ODataApplicationException {
        throw QueryErrors.badRequest("Lambda references are not supported in $filter");
    }

    @Override
    public Operand visitEnum(EdmEnumType type, List<String> enumValues) throws ODataApplicationException {
        throw QueryErrors.badRequest("Enumeration literals are not supported in $filter");
    }

    // --- helpers ---

    private Predicate asPredicate(Operand operand) throws ODataApplicationException {
        if (operand instanceof Column column && column.expression() instanceof Predicate predicate) {
            return predicate;
        }
        if (operand instanceof Column column && column.javaType() == Boolean.class) {
            @SuppressWarnings("unchecked")
            Expression<Boolean> flag = (Expression<Boolean>) column.expression();
            return cb.isTrue(flag);
        }
        if (operand instanceof Value value && value.value() instanceof Boolean flag) {
            return flag ? cb.conjunction() : cb.disjunction();
        }
        throw QueryErrors.badRequest("$filter must be a boolean expression");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate compare(BinaryOperatorKind operator, Operand left, Operand right) throws ODataApplicationException {
        if (left instanceof Value && right instanceof Column) {
            return compare(mirror(operator), right, left);
        }
        if (!(left instanceof Column column)) {
            throw QueryErrors.badRequest("A comparison in $filter needs a property on one side");
        }
        Expression<?> leftExpression = column.expression();
        if (right instanceof Value value && value.value() == null) {
            return switch (operator) {
                case EQ -> cb.isNull(leftExpression);
                case NE -> cb.isNotNull(leftExpression);
                default -> throw QueryErrors.badRequest("null can only be compared with eq or ne");
            };
        }
        Expression rightExpression;
        if (right instanceof Value value) {
            rightExpression = cb.literal(coerce(value.value(), column.javaType()));
        } else {
            Column other = (Column) right;
            if (!comparable(column.javaType(), other.javaType())) {
                throw QueryErrors.badRequest("Cannot compare values of different types in $filter");
            }
            rightExpression = other.expression();
        }
        Expression leftComparable = leftExpression;
        return switch (operator) {
            case EQ -> cb.equal(leftComparable, rightExpression);
            case NE -> cb.notEqual(leftComparable, rightExpression);
            case GT -> cb.greaterThan(leftComparable, rightExpression);
            case GE -> cb.greaterThanOrEqualTo(leftComparable, rightExpression);
            case LT -> cb.lessThan(leftComparable, rightExpression);
            case LE -> cb.lessThanOrEqualTo(leftComparable, rightExpression);
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private static BinaryOperatorKind mirror(BinaryOperatorKind operator) {
        return switch (operator) {
            case GT -> BinaryOperatorKind.LT;
            case GE -> BinaryOperatorKind.LE;
            case LT -> BinaryOperatorKind.GT;
            case LE -> BinaryOperatorKind.GE;
            default -> operator;
        };
    }

    /** Brings a URL literal to the Java type of the column it is compared with, or rejects the comparison. */
    private static Object coerce(Object value, Class<?> columnType) throws ODataApplicationException {
        if (columnType.isInstance(value)) {
            return value;
        }
        if (value instanceof Long n) {
            if (columnType == Integer.class || columnType == int.class) {
                if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                    throw QueryErrors.badRequest("Number " + n + " is out of range in $filter");
                }
                return n.intValue();
            }
            if (columnType == BigDecimal.class) {
                return BigDecimal.valueOf(n);
            }
        }
        throw QueryErrors.badRequest("Literal " + value + " does not match the type of the property it is compared with ("
                + simpleTypeName(columnType) + ")");
    }

    private static boolean comparable(Class<?> a, Class<?> b) {
        return a == b || (Number.class.isAssignableFrom(a) && Number.class.isAssignableFrom(b));
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == UUID.class) {
            return "Edm.Guid";
        }
        if (type == OffsetDateTime.class) {
            return "Edm.DateTimeOffset";
        }
        return "Edm." + type.getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private Expression<String> stringColumn(MethodKind method, Operand operand) throws ODataApplicationException {
        if (operand instanceof Column column && column.javaType() == String.class) {
            return (Expression<String>) column.expression();
        }
        throw QueryErrors.badRequest(method.toString() + " needs a string property as its first argument");
    }

    private Operand like(MethodKind method, List<Operand> parameters, String before, String after)
            throws ODataApplicationException {
        Expression<String> haystack = stringColumn(method, parameters.get(0));
        if (!(parameters.get(1) instanceof Value value) || !(value.value() instanceof String needle)) {
            throw QueryErrors.badRequest(method.toString() + " needs a string literal as its second argument");
        }
        return new Column(cb.like(haystack, before + escapeLike(needle) + after, LIKE_ESCAPE), Boolean.class);
    }

    private static String escapeLike(String text) {
        return text.chars().mapToObj(c -> (c == '%' || c == '_' || c == LIKE_ESCAPE)
                ? String.valueOf(LIKE_ESCAPE) + (char) c : String.valueOf((char) c)).collect(Collectors.joining());
    }
}
