package org.wellbeing.common.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.wellbeing.contract.WorkEventValidator;

/**
 * Text the store can hold and a reader can trust: not blank, no control characters (tabs and line
 * breaks where {@link #multiline}), no broken surrogate pairs. Null passes; say {@code @NotNull}
 * where a value is required. The rule is {@link WorkEventValidator#isPlainText}, the one consumers
 * apply to what they read from Kafka.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

  String message() default "must not be blank, nor contain control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Whether tabs and line breaks are allowed. */
  boolean multiline() default false;

  /** The check behind {@link PlainText}. */
  class Check implements ConstraintValidator<PlainText, String> {

    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null
          || (!value.isBlank() && WorkEventValidator.isPlainText(value, multiline));
    }
  }
}
