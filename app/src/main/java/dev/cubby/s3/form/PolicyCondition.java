package dev.cubby.s3.form;

/**
 * One condition of a POST policy. Field names are lower-case (S3 matches them without regard to
 * case); values are compared exactly.
 */
public sealed interface PolicyCondition {

    /** The form field it constrains, lower-case; null for the file's length. */
    String field();

    /** Whether the form's value of {@link #field()} (null when the form lacks it) satisfies it. */
    boolean holds(String value);

    /** The condition as a policy writes it, for the error that names it. */
    String text();

    /** {@code {"field": "value"}} or {@code ["eq", "$field", "value"]}. */
    record Equals(String field, String value) implements PolicyCondition {
        @Override
        public boolean holds(String actual) {
            return value.equals(actual);
        }

        @Override
        public String text() {
            return "[\"eq\", \"$" + field + "\", \"" + value + "\"]";
        }
    }

    /** {@code ["starts-with", "$field", "prefix"]}; an empty prefix allows any value. */
    record StartsWith(String field, String prefix) implements PolicyCondition {
        @Override
        public boolean holds(String actual) {
            return actual != null && actual.startsWith(prefix);
        }

        @Override
        public String text() {
            return "[\"starts-with\", \"$" + field + "\", \"" + prefix + "\"]";
        }
    }

    /** {@code ["content-length-range", min, max]}: the file's size in bytes, both ends included. */
    record ContentLengthRange(long min, long max) implements PolicyCondition {
        @Override
        public String field() {
            return null;
        }

        /** Checked on the file as it streams ({@link LengthRangeInputStream}), not on a field. */
        @Override
        public boolean holds(String value) {
            return true;
        }

        @Override
        public String text() {
            return "[\"content-length-range\", " + min + ", " + max + "]";
        }
    }
}
