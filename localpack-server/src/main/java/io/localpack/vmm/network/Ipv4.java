package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses as numbers (0 to 2^32-1) and their dotted text; subnets in CIDR form. Strict on input: four decimal
 * parts 0-255 without leading zeros, so "10.0.0.010" or "10.0.0" are refused rather than guessed at.
 */
final class Ipv4 {

    private static final Pattern DOTTED = Pattern.compile("(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})"
            + "\\.(0|[1-9]\\d{0,2})");

    private Ipv4() {
    }

    /** The address as a number, or empty when the text is not an IPv4 address. */
    static java.util.OptionalLong parse(String text) {
        if (text == null) {
            return java.util.OptionalLong.empty();
        }
        Matcher m = DOTTED.matcher(text.trim());
        if (!m.matches()) {
            return java.util.OptionalLong.empty();
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int part = Integer.parseInt(m.group(i));
            if (part > 255) {
                return java.util.OptionalLong.empty();
            }
            value = value << 8 | part;
        }
        return java.util.OptionalLong.of(value);
    }

    /** The address, or a refusal naming the member that held it. */
    static long required(String member, String text) {
        return parse(text).orElseThrow(() -> VmmRequestException.invalid(member + " '" + text
                + "' is not an IPv4 address (four numbers 0-255 separated by dots)"));
    }

    static String format(long value) {
        return (value >>> 24 & 255) + "." + (value >>> 16 & 255) + "." + (value >>> 8 & 255) + "." + (value & 255);
    }

    /** A subnet: its network address, prefix length and broadcast address. */
    record Cidr(long first, int prefixLength) {

        private static final Pattern FORM = Pattern.compile("([^/]+)/(\\d{1,2})");

        /**
         * A subnet in CIDR form. VMM needs room for addresses to hand out, so prefixes longer than /30 are refused,
         * and so is an address with host bits set ("10.0.0.5/24": which subnet was meant is not certain).
         */
        static Cidr parse(String member, String text) {
            Matcher m = text == null ? null : FORM.matcher(text.trim());
            if (m == null || !m.matches()) {
                throw VmmRequestException.invalid(member + " '" + text + "' is not a subnet in CIDR form, e.g."
                        + " 10.0.0.0/24");
            }
            long address = Ipv4.parse(m.group(1)).orElseThrow(() -> VmmRequestException.invalid(member + " '"
                    + text + "' does not start with an IPv4 address"));
            int prefix = Integer.parseInt(m.group(2));
            if (prefix < 1 || prefix > 30) {
                throw VmmRequestException.invalid(member + " '" + text + "' has prefix length /" + prefix
                        + "; VM subnets take a prefix from /1 to /30");
            }
            Cidr cidr = new Cidr(address & mask(prefix), prefix);
            if (cidr.first() != address) {
                throw VmmRequestException.invalid(member + " '" + text + "' has host bits set; its subnet is "
                        + cidr);
            }
            return cidr;
        }

        long last() {
            return first | ~mask(prefixLength) & 0xFFFFFFFFL;
        }

        /** The first address a host may have: the one after the network address. */
        long firstHost() {
            return first + 1;
        }

        /** The last address a host may have: the one before the broadcast address. */
        long lastHost() {
            return last() - 1;
        }

        boolean containsHost(long address) {
            return address >= firstHost() && address <= lastHost();
        }

        private static long mask(int prefix) {
            return 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        }

        @Override
        public String toString() {
            return format(first) + "/" + prefixLength;
        }
    }

    /** A range of addresses, both ends included. */
    record Range(long first, long last) {

        boolean contains(long address) {
            return address >= first && address <= last;
        }

        long size() {
            return last - first + 1;
        }

        /**
         * IPAddressReservedSet as VMM writes it: addresses and ranges separated by commas, "10.0.0.20-10.0.0.29,
         * 10.0.0.40". Blank reads as none.
         */
        static List<Range> parseSet(String member, String set) {
            List<Range> ranges = new ArrayList<>();
            if (set == null || set.isBlank()) {
                return ranges;
            }
            for (String part : set.split(",")) {
                String[] ends = part.trim().split("-", -1);
                if (ends.length > 2) {
                    throw VmmRequestException.invalid(member + " part '" + part.trim() + "' is neither an address"
                            + " nor a range 'first-last'");
                }
                long first = required(member, ends[0].trim());
                long last = ends.length == 2 ? required(member, ends[1].trim()) : first;
                if (last < first) {
                    throw VmmRequestException.invalid(member + " range '" + part.trim() + "' ends before it starts");
                }
                ranges.add(new Range(first, last));
            }
            return ranges;
        }
    }
}
