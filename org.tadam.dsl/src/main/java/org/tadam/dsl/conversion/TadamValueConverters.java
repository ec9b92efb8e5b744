package org.tadam.dsl.conversion;

import java.util.Base64;

import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractDeclarativeValueConverterService;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.conversion.impl.IDValueConverter;
import org.eclipse.xtext.conversion.impl.STRINGValueConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

/**
 * Value converters of the TADAM grammar. The grammar has its own terminals (a single NUMBER terminal serves
 * integers and decimals), so this service replaces Xtext's default terminal converters.
 */
public class TadamValueConverters extends AbstractDeclarativeValueConverterService {

	@Inject
	private IDValueConverter idValueConverter;

	@Inject
	private STRINGValueConverter stringValueConverter;

	@ValueConverter(rule = "ID")
	public IValueConverter<String> ID() {
		return idValueConverter;
	}

	@ValueConverter(rule = "STRING")
	public IValueConverter<String> STRING() {
		return stringValueConverter;
	}

	@ValueConverter(rule = "Decimal")
	public IValueConverter<Double> Decimal() {
		return new AbstractNullSafeConverter<Double>() {
			@Override
			protected Double internalToValue(String string, INode node) {
				try {
					return Double.valueOf(string.trim());
				} catch (NumberFormatException e) {
					throw new ValueConverterException("'" + string + "' is not a number", node, e);
				}
			}

			@Override
			protected String internalToString(Double value) {
				return NumberText.decimal(value);
			}
		};
	}

	@ValueConverter(rule = "Int")
	public IValueConverter<Integer> Int() {
		return new AbstractNullSafeConverter<Integer>() {
			@Override
			protected Integer internalToValue(String string, INode node) {
				try {
					return Integer.valueOf(string.trim());
				} catch (NumberFormatException e) {
					throw new ValueConverterException("'" + string + "' is not a whole number (expected an integer)", node, e);
				}
			}

			@Override
			protected String internalToString(Integer value) {
				return value.toString();
			}
		};
	}

	@ValueConverter(rule = "Long")
	public IValueConverter<Long> Long() {
		return new AbstractNullSafeConverter<Long>() {
			@Override
			protected Long internalToValue(String string, INode node) {
				try {
					return java.lang.Long.valueOf(string.trim());
				} catch (NumberFormatException e) {
					throw new ValueConverterException("'" + string + "' is not a whole number (expected an integer)", node, e);
				}
			}

			@Override
			protected String internalToString(Long value) {
				return value.toString();
			}
		};
	}

	@ValueConverter(rule = "Base64")
	public IValueConverter<byte[]> Base64() {
		return new AbstractNullSafeConverter<byte[]>() {
			@Override
			protected byte[] internalToValue(String string, INode node) {
				String text = stringValueConverter.toValue(string, node);
				try {
					return Base64.getDecoder().decode(text);
				} catch (IllegalArgumentException e) {
					throw new ValueConverterException("byte string is not valid base64: " + e.getMessage(), node, e);
				}
			}

			@Override
			protected String internalToString(byte[] value) {
				return stringValueConverter.toString(Base64.getEncoder().encodeToString(value));
			}
		};
	}
}
