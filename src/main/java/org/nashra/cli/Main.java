package org.nashra.cli;
public final class Main { public static void main(String[] a) { System.out.println("ok"); } }
