package dev.cobra.runtime.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one store class that owns a MongoDB collection: only it names the collection and reads or writes its
 * documents; every other class goes through its methods. {@code OwnershipArchitectureTest} enforces this (only
 * owners and this package's infrastructure call the MongoDB API, a collection has exactly one owner, and the
 * owner's name constants stay private).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CollectionOwner {

    /** The collections this class owns. */
    String[] value();
}
