package dezero.utils;

import dezero.ndarray.DType;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyHeaderTest {
    private static NpyHeader parse(String text) throws NpyFormatException {
        return NpyHeader.parse(text, "h.npy", 128);
    }

    private static void assertRejected(String text, String... fragments) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> parse(text), text);
        assertTrue(e.getMessage().startsWith("h.npy: "), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention '" + fragment + "'");
        }
    }

    @Test
    void acceptsAnySpacingKeyOrderQuotesAndTrailingComma() throws NpyFormatException {
        String[] variants = {
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }          \n",
            "{'shape':(2,3),'descr':'<f4','fortran_order':False}",
            "  {\"descr\" : \"<f4\" ,\n\t'fortran_order' : False , 'shape' : ( 2 , 3 , ) , }\n",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L)}",
        };
        for (String v : variants) {
            NpyHeader h = parse(v);
            assertArrayEquals(new int[] {2, 3}, h.shape, v);
            assertEquals(DType.FLOAT32, h.descr.target, v);
            assertEquals(ByteOrder.LITTLE_ENDIAN, h.descr.order, v);
            assertFalse(h.fortranOrder, v);
            assertEquals(24, h.dataBytes(), v);
        }
    }

    @Test
    void readsScalarOneDimAndEmptyShapes() throws NpyFormatException {
        assertArrayEquals(new int[0], parse("{'descr': '<f8', 'fortran_order': False, 'shape': (), }").shape);
        assertEquals(1, parse("{'descr': '<f8', 'fortran_order': False, 'shape': (), }").elementCount);
        assertArrayEquals(new int[] {7}, parse("{'descr': '<f8', 'fortran_order': True, 'shape': (7,), }").shape);
        NpyHeader empty = parse("{'descr': '|b1', 'fortran_order': False, 'shape': (4, 0), }");
        assertEquals(0, empty.elementCount);
        assertEquals(DType.BOOL, empty.descr.target);
    }

    @Test
    void mapsDescrsToDtypesAndByteOrders() throws NpyFormatException {
        String[][] cases = {
            {">f8", "FLOAT64", "BIG_ENDIAN"}, {"<i4", "INT64", "LITTLE_ENDIAN"}, {"|u1", "INT64", ""},
            {"|i1", "INT64", ""}, {">u2", "INT64", "BIG_ENDIAN"}, {"<f2", "FLOAT32", "LITTLE_ENDIAN"},
            {"|b1", "BOOL", ""}, {"?", "BOOL", ""}, {"<u8", "INT64", "LITTLE_ENDIAN"},
        };
        for (String[] c : cases) {
            NpyHeader h = parse("{'descr': '" + c[0] + "', 'fortran_order': False, 'shape': (1,)}");
            assertEquals(c[1], h.descr.target.name(), c[0]);
            if (!c[2].isEmpty()) {
                assertEquals(c[2], h.descr.order.toString(), c[0]);
            }
        }
    }

    @Test
    void rejectsUnknownMissingAndDuplicateKeys() {
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1}", "unknown key 'extra'");
        assertRejected("{'descr': '<f4', 'shape': (2,)}", "missing key 'fortran_order'");
        assertRejected("{'descr': '<f4', 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}",
                "duplicate key 'descr'");
    }

    @Test
    void rejectsWrongValueTypes() {
        assertRejected("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", "'fortran_order' must be True or False");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (3)}", "must be a tuple", "got 3",
                "(n,)");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3]}", "must be a tuple", "[2, 3]");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1)}", "negative dimension");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': ('2',)}", "only ints");
        assertRejected("{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2,)}", "structured");
    }

    @Test
    void rejectsUnsupportedDtypesByName() {
        assertRejected("{'descr': '<c16', 'fortran_order': False, 'shape': (2,)}", "'<c16'", "complex", "supported:");
        assertRejected("{'descr': '|O', 'fortran_order': False, 'shape': (2,)}", "'|O'", "pickled Python objects");
        assertRejected("{'descr': '<U5', 'fortran_order': False, 'shape': (2,)}", "strings");
        assertRejected("{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (2,)}", "dates and times");
        assertRejected("{'descr': '<f16', 'fortran_order': False, 'shape': (2,)}", "extended-precision");
        assertRejected("{'descr': '<i3', 'fortran_order': False, 'shape': (2,)}", "unsupported dtype '<i3'");
    }

    @Test
    void rejectsBadSyntaxWithAColumn() {
        assertRejected("{'descr' '<f4', 'fortran_order': False, 'shape': (2,)}", "expected ':'", "column 10");
        assertRejected("{'descr': '<f4, 'fortran_order': False, 'shape': (2,)}", "bad .npy header");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", "unexpected end of header");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} x", "after the closing '}'");
        assertRejected("{'descr': '<f4', 'fortran_order': Falsey, 'shape': (2,)}", "expected a string");
        assertRejected("{'descr': '<f\\x34', 'fortran_order': False, 'shape': (2,)}", "escape sequences");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (02,)}", "invalid int literal");
        assertRejected("{'descr': '<f4' 'fortran_order': False, 'shape': (2,)}", "expected ',' or '}'");
        assertRejected("", "unexpected end of header");
        assertRejected("descr: f4", "expected '{'");
    }

    @Test
    void rejectsShapesNoJavaArrayCanHold() {
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776,)}", "1099511627776",
                "Java array");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (1048576, 1048576, 1048576)}",
                "more elements");
        assertRejected("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999999,)}",
                "Java array");
    }
}
