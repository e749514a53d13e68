package dk.qnet.statistics.rest;

import java.util.List;

/** An answer that can also be read as a table: the CSV export of the same figures, suppression and all. */
public interface CsvTable {

    List<String> header();

    List<List<String>> rows();
}
