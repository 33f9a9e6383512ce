package com.organizationsgateway.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.AbstractDescribedNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema in {@code schema/} is the public contract and GraphiQL's documentation, so
 * every type, field, argument, input field and enum value in it must say what it is.
 */
class SchemaDescriptionsTest {

	@Test
	void everyElementOfTheSchemaHasADescription() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			files.filter((file) -> file.toString().endsWith(".graphqls"))
				.forEach((file) -> registry.merge(new SchemaParser().parse(read(file))));
		}
		List<String> undescribed = new ArrayList<>();

		registry.types().values().forEach((type) -> check(type, type.getName(), undescribed));
		// Fields added with "extend type" need descriptions too; the extension itself
		// cannot have one.
		registry.objectTypeExtensions()
			.values()
			.forEach((extensions) -> extensions.forEach((extension) -> extension.getFieldDefinitions()
				.forEach((field) -> checkField(field, extension.getName(), undescribed))));
		registry.scalars()
			.values()
			.stream()
			.filter((scalar) -> scalar.getSourceLocation() != null
					&& scalar.getSourceLocation().getSourceName() != null)
			.forEach((scalar) -> check(scalar, scalar.getName(), undescribed));

		assertThat(registry.types()).containsKeys("Query", "Mutation", "Organization");
		assertThat(undescribed).as("schema elements without a description").isEmpty();
	}

	private static void check(TypeDefinition<?> type, String name, List<String> undescribed) {
		describe(type, name, undescribed);
		if (type instanceof ObjectTypeDefinition object) {
			object.getFieldDefinitions().forEach((field) -> checkField(field, name, undescribed));
		}
		else if (type instanceof InterfaceTypeDefinition object) {
			object.getFieldDefinitions().forEach((field) -> checkField(field, name, undescribed));
		}
		else if (type instanceof InputObjectTypeDefinition input) {
			input.getInputValueDefinitions()
				.forEach((value) -> describe(value, name + "." + value.getName(), undescribed));
		}
		else if (type instanceof EnumTypeDefinition enumType) {
			enumType.getEnumValueDefinitions()
				.forEach((value) -> describe(value, name + "." + value.getName(), undescribed));
		}
	}

	private static void checkField(FieldDefinition field, String typeName, List<String> undescribed) {
		String path = typeName + "." + field.getName();
		describe(field, path, undescribed);
		for (InputValueDefinition argument : field.getInputValueDefinitions()) {
			describe(argument, path + "(" + argument.getName() + ":)", undescribed);
		}
	}

	private static void describe(Object node, String path, List<String> undescribed) {
		if (node instanceof AbstractDescribedNode<?> described
				&& (described.getDescription() == null || described.getDescription().getContent().isBlank())) {
			undescribed.add(path);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
